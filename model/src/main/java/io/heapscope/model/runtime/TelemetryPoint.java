package io.heapscope.model.runtime;

/** One sample of a target's memory ({@code process.memoryUsage()}), at {@code timeMillis} (epoch). */
public record TelemetryPoint(long timeMillis, long rss, long heapTotal, long heapUsed, long external,
                             long arrayBuffers) {

    static TelemetryPoint of(long timeMillis, MemoryUsage usage) {
        return new TelemetryPoint(timeMillis, usage.rss(), usage.heapTotal(), usage.heapUsed(), usage.external(),
                usage.arrayBuffers());
    }

    /** The weighted average of two neighbouring points that stand for {@code weight} and {@code nextWeight} samples. */
    TelemetryPoint mergedWith(TelemetryPoint next, long weight, long nextWeight) {
        long total = weight + nextWeight;
        return new TelemetryPoint(
                (timeMillis * weight + next.timeMillis * nextWeight) / total,
                (rss * weight + next.rss * nextWeight) / total,
                (heapTotal * weight + next.heapTotal * nextWeight) / total,
                (heapUsed * weight + next.heapUsed * nextWeight) / total,
                (external * weight + next.external * nextWeight) / total,
                (arrayBuffers * weight + next.arrayBuffers * nextWeight) / total);
    }
}
