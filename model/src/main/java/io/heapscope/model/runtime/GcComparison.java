package io.heapscope.model.runtime;

/**
 * Heap used after the full GC an app normally gets, and after the more thorough one a heap snapshot runs
 * ({@code HeapProfiler.collectGarbage}, which also drops V8's compilation cache). A large difference is memory
 * that a snapshot will not show but the app keeps: on Node 20, {@code vm.SourceTextModule}s in fresh contexts.
 */
public record GcComparison(long heapUsedAfterNormalGc, long heapUsedAfterSnapshotGc) {

    /** Bytes only the snapshot's GC frees. */
    public long onlyNormalGcRetains() {
        return Math.max(0, heapUsedAfterNormalGc - heapUsedAfterSnapshotGc);
    }
}
