package io.heapscope.model.runtime;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.format.HeapText;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.inspector.InspectorException;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.HeapSnapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A runtime as the desktop app holds it: the session, its memory telemetry, and the user's actions on it, each
 * marked on the telemetry so the chart shows what happened when.
 */
public final class LiveRuntime implements AutoCloseable {
    private final String name;
    private final RuntimeSession session;
    private final TelemetrySeries series = new TelemetrySeries();
    private final TelemetryRecorder recorder;

    /** @param onTelemetryFailure told once if sampling stops (the target died, the connection dropped) */
    public LiveRuntime(String name, RuntimeSession session, Consumer<Exception> onTelemetryFailure) {
        this.name = name;
        this.session = session;
        this.recorder = new TelemetryRecorder(session, series, onTelemetryFailure);
    }

    public void startTelemetry(Duration interval) throws InspectorException {
        recorder.start(interval);
    }

    public String name() {
        return name;
    }

    public RuntimeSession session() {
        return session;
    }

    public TelemetrySeries telemetry() {
        return series;
    }

    public void collectGarbage() throws InspectorException {
        session.collectGarbage();
        mark(RuntimeMarker.Kind.ACTION, "GC");
    }

    public HeapSnapshot takeSnapshot(ProgressMonitor monitor, Path saveTo) throws IOException {
        HeapSnapshot snapshot = LiveSnapshot.take(session, monitor, saveTo);
        mark(RuntimeMarker.Kind.SNAPSHOT, "snapshot");
        return snapshot;
    }

    /** Runs {@code action} {@code times} times in a row. */
    public ModuleActionResult apply(ModuleAction action, String module, int times) throws InspectorException {
        ModuleActionResult result = null;
        for (int i = 0; i < times; i++) {
            result = session.apply(action, module);
            mark(RuntimeMarker.Kind.ACTION, action.label() + " " + HeapText.shortModuleName(result.file()));
        }
        return result;
    }

    public List<WatchCycle> watch(WatchPlan plan, ProgressMonitor monitor, Consumer<WatchCycle> onCycle)
            throws IOException {
        return watch(plan, monitor, new ModuleWatch.Listener() {
            @Override
            public void actionDone(int cycle, ModuleActionResult result) {
            }

            @Override
            public void cycleDone(WatchCycle cycle) {
                onCycle.accept(cycle);
            }
        });
    }

    /** A watch run whose actions and cycles are marked on the telemetry, told to {@code listener} as well. */
    public List<WatchCycle> watch(WatchPlan plan, ProgressMonitor monitor, ModuleWatch.Listener listener)
            throws IOException {
        return new ModuleWatch(session, plan).run(monitor, new ModuleWatch.Listener() {
            @Override
            public void actionDone(int cycle, ModuleActionResult result) {
                mark(RuntimeMarker.Kind.ACTION, result.action().label() + " " + HeapText.shortModuleName(result.file()));
                listener.actionDone(cycle, result);
            }

            @Override
            public void cycleDone(WatchCycle cycle) {
                mark(RuntimeMarker.Kind.SNAPSHOT, "cycle " + cycle.cycle());
                listener.cycleDone(cycle);
            }

            @Override
            public void snapshotTaken(int cycle, Path file, HeapSnapshot snapshot) {
                listener.snapshotTaken(cycle, file, snapshot);
            }

            @Override
            public void cycleAnalysed(int cycle, HeapAnalysis analysis, ModuleGraph modules, String file) {
                listener.cycleAnalysed(cycle, analysis, modules, file);
            }
        });
    }

    /** Marks something done in the target by other means (a demo's phase) on the telemetry, for the chart. */
    public void mark(RuntimeMarker.Kind kind, String label) {
        series.mark(new RuntimeMarker(System.currentTimeMillis(), kind, label));
        recorder.sample();
    }

    @Override
    public void close() {
        recorder.close();
        session.close();
    }
}
