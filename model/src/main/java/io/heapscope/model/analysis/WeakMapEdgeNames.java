package io.heapscope.model.analysis;

import io.heapscope.model.graph.StringTable;
import io.heapscope.model.progress.ProgressMonitor;

import java.util.Arrays;

/**
 * Recognises V8's names for WeakMap entries: the value of an entry is held by two internal edges, one from the key
 * and one from the table, both named {@code <n> / part of key (<k> @<id>) -> value (<v> @<id>) pair in WeakMap
 * (table @<t>)}. The two names differ only in their leading number; DevTools pairs edges by the rest (the "pair
 * key"), and reads the table's id from it.
 *
 * <p>Every name of the string table is looked at once, when this is made, and each pair key gets a number. Then
 * the checks per edge are array reads, and any number of threads may share one. (One cache per thread, of parsed
 * names and pair-key strings, held about 17 MB each for the 319 MB benchmark file and 60 MB for the 1.1 GB one,
 * three times over.)
 */
final class WeakMapEdgeNames {
    static final String PHASE = "Finding WeakMap entry names";
    private static final int NONE = -1;

    /** Per string index, the number of its pair key, or {@link #NONE}. */
    private final int[] pairOfName;
    /** Per pair key, the table's id, or -1 when it does not fit a long. */
    private final long[] tableIdOfPair;

    private WeakMapEdgeNames(int[] pairOfName, long[] tableIdOfPair) {
        this.pairOfName = pairOfName;
        this.tableIdOfPair = tableIdOfPair;
    }

    /** Looks at every string once; most are turned away by their first and last characters. */
    static WeakMapEdgeNames of(StringTable strings, ProgressMonitor monitor) {
        monitor.beginPhase(PHASE, strings.size());
        int[] pairOfName = new int[strings.size()];
        Arrays.fill(pairOfName, NONE);
        PairKeys pairs = new PairKeys(strings);
        long[] tableIds = new long[16];
        for (int index = 0; index < pairOfName.length; index++) {
            if ((index & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                ProgressMonitor.checkpoint(monitor, index);
            }
            if (!WeakMapEntryName.mayBe(strings, index)) {
                continue;
            }
            String name = strings.read(index);
            int keyStart = WeakMapEntryName.pairKeyStart(name);
            if (keyStart < 0) {
                continue;
            }
            int known = pairs.count();
            int pair = pairs.numberOf(index, name, keyStart);
            if (pair == known) {
                if (pair == tableIds.length) {
                    tableIds = Arrays.copyOf(tableIds, 2 * pair);
                }
                tableIds[pair] = WeakMapEntryName.tableId(name);
            }
            pairOfName[index] = pair;
        }
        monitor.progress(pairOfName.length);
        return new WeakMapEdgeNames(pairOfName, Arrays.copyOf(tableIds, pairs.count()));
    }

    /** The number of the pair key of the name at {@code nameIndex}, or -1 if it is not a WeakMap entry's name. */
    int pair(int nameIndex) {
        return pairOfName[nameIndex];
    }

    /** The id of the table in pair key {@code pair}'s name (-1 if it does not fit a long). */
    long tableId(int pair) {
        return tableIdOfPair[pair];
    }

    /** Pair keys are numbered {@code [0, pairCount())}. */
    int pairCount() {
        return tableIdOfPair.length;
    }
}
