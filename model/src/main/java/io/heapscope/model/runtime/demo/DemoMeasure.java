package io.heapscope.model.runtime.demo;

import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.runtime.GrowthVerdict;
import io.heapscope.model.runtime.WatchCycle;

import java.util.List;

/**
 * What tells a demo phase's leak from its fix, read off the watch cycles. Each leak shows in a different number:
 * zombie modules in the snapshot, heap that even a snapshot's GC keeps, or heap that only a normal GC keeps.
 */
public enum DemoMeasure {
    /** The watched module's leaked zombies and retained size: {@link GrowthVerdict#of}, as {@code heapscope watch}. */
    MODULE_COPIES {
        @Override
        public GrowthVerdict judge(List<WatchCycle> cycles) {
            return GrowthVerdict.of(cycles);
        }
    },
    /** Heap used after the snapshot's thorough GC: what the app holds on to for good (listeners and their closures). */
    HEAP_AFTER_GC {
        @Override
        public GrowthVerdict judge(List<WatchCycle> cycles) {
            if (cycles.size() < 2) {
                return new GrowthVerdict(false, "one cycle cannot show growth", 0);
            }
            long growth = cycles.get(cycles.size() - 1).heapUsedAfterSnapshotGc()
                    - cycles.get(0).heapUsedAfterSnapshotGc();
            int steps = cycles.size() - 1;
            int rising = 0;
            for (int i = 1; i < cycles.size(); i++) {
                if (cycles.get(i).heapUsedAfterSnapshotGc() - cycles.get(i - 1).heapUsedAfterSnapshotGc()
                        > STEP_NOISE_BYTES) {
                    rising++;
                }
            }
            if (growth > NOISE_BYTES && rising * 2 >= steps) {
                return new GrowthVerdict(true, "heap used after GC grew by " + ByteSizes.human(growth) + " in "
                        + steps + " cycles", 0);
            }
            return new GrowthVerdict(false, "heap used after GC stays flat: " + signed(growth) + " in " + steps
                    + " cycles", 0);
        }
    },
    /**
     * Heap that a normal full GC keeps but a snapshot's GC frees ({@link WatchCycle#retainedOnlyUnderNormalGc()}):
     * a snapshot never shows it, yet an app, which never gets that GC, keeps piling it up.
     */
    NORMAL_GC_ONLY {
        @Override
        public GrowthVerdict judge(List<WatchCycle> cycles) {
            long most = cycles.stream().mapToLong(WatchCycle::retainedOnlyUnderNormalGc).max().orElse(0);
            if (most >= HIDDEN_BYTES) {
                return new GrowthVerdict(true, "each cycle leaves up to " + ByteSizes.human(most) + " that only a "
                        + "snapshot's GC frees: a running app keeps piling it up, and a snapshot shows none of it", 0);
            }
            return new GrowthVerdict(false, "a normal GC frees what each cycle allocated: at most "
                    + ByteSizes.human(most) + " waits for a snapshot's GC", 0);
        }
    };

    /** Overall growth below this is allocation noise (inline caches, the inspector's own objects), not a leak. */
    static final long NOISE_BYTES = 256 * 1024;
    /** A step rising less than this is noise too. */
    static final long STEP_NOISE_BYTES = 64 * 1024;
    /** Retention only a normal GC shows, above this per cycle, is a leak an app lives with. */
    // Measured on Node 20: ten vm test files leave ~3 MB; a round without the leak still shows up to ~0.6 MB (the
    // inspector's and the GC script's own garbage).
    static final long HIDDEN_BYTES = 1024 * 1024;

    /** The verdict on the cycles of one phase so far: grows or flat, with the reason in words. */
    public abstract GrowthVerdict judge(List<WatchCycle> cycles);

    private static String signed(long bytes) {
        return (bytes < 0 ? "-" : "+") + ByteSizes.human(Math.abs(bytes));
    }
}
