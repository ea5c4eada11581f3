package io.heapscope.model.runtime;

import io.heapscope.model.format.ByteSizes;

import java.util.List;

/**
 * Does memory grow with the cycles? It grows when the watched module's leaked zombies increase from the first cycle
 * to the last, or when its retained size rises by more than noise in most steps and overall. Flat otherwise.
 *
 * <p>Retention that only a normal GC shows ({@link WatchCycle#retainedOnlyUnderNormalGc()}) is reported apart:
 * the snapshot cannot see it, so it is a warning beside the verdict, not the verdict itself.
 */
public record GrowthVerdict(boolean grows, String reason, long hiddenRetention) {
    /** Growth below this is allocation noise (a few strings, an inline cache), not a leak. */
    static final long NOISE_BYTES = 64 * 1024;
    /** Retention only a normal GC shows, above this, is worth a warning. */
    static final long HIDDEN_RETENTION_BYTES = 512 * 1024;

    public String word() {
        return grows ? "grows" : "flat";
    }

    /** The warning about retention only a normal GC shows, in words, or {@code null} when there is none. */
    public String hiddenRetentionNote() {
        if (hiddenRetention == 0) {
            return null;
        }
        return ByteSizes.human(hiddenRetention) + " more stays after a normal GC than after a snapshot's GC: the app "
                + "keeps memory that snapshots do not show (on Node 20, e.g. vm modules in fresh contexts)";
    }

    public static GrowthVerdict of(List<WatchCycle> cycles) {
        if (cycles.size() < 2) {
            return new GrowthVerdict(false, "one cycle cannot show growth", hidden(cycles));
        }
        WatchCycle first = cycles.get(0);
        WatchCycle last = cycles.get(cycles.size() - 1);
        long hidden = hidden(cycles);
        if (last.zombieCount() > first.zombieCount()) {
            return new GrowthVerdict(true, "zombies grew from " + first.zombieCount() + " to " + last.zombieCount()
                    + " in " + (cycles.size() - 1) + " cycles", hidden);
        }
        long growth = last.moduleRetainedSize() - first.moduleRetainedSize();
        if (growth > NOISE_BYTES && risingSteps(cycles) * 2 >= cycles.size() - 1) {
            return new GrowthVerdict(true, "retained size grew by " + growth + " bytes in "
                    + (cycles.size() - 1) + " cycles", hidden);
        }
        return new GrowthVerdict(false, "zombies and retained size stay flat", hidden);
    }

    private static int risingSteps(List<WatchCycle> cycles) {
        int rising = 0;
        for (int i = 1; i < cycles.size(); i++) {
            if (cycles.get(i).moduleRetainedSize() - cycles.get(i - 1).moduleRetainedSize() > NOISE_BYTES / 4) {
                rising++;
            }
        }
        return rising;
    }

    /** The largest retention only a normal GC showed, if any cycle's passed the warning threshold, else 0. */
    private static long hidden(List<WatchCycle> cycles) {
        long max = cycles.stream().mapToLong(WatchCycle::retainedOnlyUnderNormalGc).max().orElse(0);
        return max >= HIDDEN_RETENTION_BYTES ? max : 0;
    }
}
