package io.heapscope.model.runtime;

/** {@code process.memoryUsage()} of a target, in bytes. */
public record MemoryUsage(long rss, long heapTotal, long heapUsed, long external, long arrayBuffers) {
}
