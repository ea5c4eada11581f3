package io.heapscope.model.runtime;

/**
 * What one watch cycle measured, after its action.
 *
 * @param heapUsedAfterGc          heap used after a normal full GC (what the app lives with)
 * @param heapUsedAfterSnapshotGc  heap used after the snapshot's more thorough GC
 * @param moduleRetainedSize       retained size of every copy of the watched module, counted once (0 without one)
 * @param zombieCount              leaked zombie copies of the watched module (all leaked zombies without one)
 */
public record WatchCycle(int cycle, long heapUsedAfterGc, long heapUsedAfterSnapshotGc, long moduleRetainedSize,
                         int zombieCount, int moduleCopies) {

    /** Bytes that only the snapshot's GC frees: invisible in the snapshot, but kept by the running app. */
    public long retainedOnlyUnderNormalGc() {
        return Math.max(0, heapUsedAfterGc - heapUsedAfterSnapshotGc);
    }
}
