package io.heapscope.model.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A runtime's memory over time, bounded however long it runs. Each point stands for the same number of samples (the
 * step): when the points fill the capacity, neighbours are averaged in pairs and the step doubles, so the whole run
 * keeps an even resolution that coarsens as it grows. Samples gather in a partial point until it holds a step's
 * worth; it is shown as the last point meanwhile, so the chart is always current. Markers are kept up to a limit,
 * the oldest dropped first. Safe to add from a poller and read from the UI.
 */
public final class TelemetrySeries {
    public static final int DEFAULT_CAPACITY = 2048;
    private static final int MAX_MARKERS = 1000;

    private final int capacity;
    private final List<TelemetryPoint> points;
    private final Deque<RuntimeMarker> markers = new ArrayDeque<>();
    private int step = 1;
    private TelemetryPoint partial;
    private int partialCount;
    private TelemetryPoint latest;
    private long sampleCount;

    public TelemetrySeries() {
        this(DEFAULT_CAPACITY);
    }

    public TelemetrySeries(int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        this.points = new ArrayList<>(capacity);
    }

    public synchronized void add(TelemetryPoint sample) {
        latest = sample;
        sampleCount++;
        partial = partial == null ? sample : partial.mergedWith(sample, partialCount, 1);
        partialCount++;
        if (partialCount == step) {
            points.add(partial);
            partial = null;
            partialCount = 0;
            if (points.size() == capacity) {
                mergePairs();
            }
        }
    }

    public synchronized void mark(RuntimeMarker marker) {
        if (markers.size() == MAX_MARKERS) {
            markers.removeFirst();
        }
        markers.addLast(marker);
    }

    /** The points, oldest first, the partial one last (a copy). */
    public synchronized List<TelemetryPoint> points() {
        List<TelemetryPoint> copy = new ArrayList<>(points.size() + 1);
        copy.addAll(points);
        if (partial != null) {
            copy.add(partial);
        }
        return copy;
    }

    public synchronized List<RuntimeMarker> markers() {
        return List.copyOf(markers);
    }

    /** Samples ever added, including those merged into coarser points. */
    public synchronized long sampleCount() {
        return sampleCount;
    }

    /** The newest sample as it was taken, or {@code null} before the first. */
    public synchronized TelemetryPoint latest() {
        return latest;
    }

    private void mergePairs() {
        List<TelemetryPoint> merged = new ArrayList<>(capacity);
        for (int i = 0; i + 1 < points.size(); i += 2) {
            merged.add(points.get(i).mergedWith(points.get(i + 1), 1, 1));
        }
        points.clear();
        points.addAll(merged);
        step *= 2;
    }
}
