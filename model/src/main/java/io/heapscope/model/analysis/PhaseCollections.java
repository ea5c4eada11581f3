package io.heapscope.model.analysis;

/**
 * Full garbage collections where an analysis's phases leave their big temporaries behind, for processes that
 * asked for them. Each phase drops arrays of the node or edge count when it ends (a search stack, the selection's
 * cursors, the dominator tree's forest and its retainer index), and the next phase allocates as many again. A
 * throughput collector grows the old generation for the new arrays rather than collect the dead ones, so without
 * these the 1.1 GB benchmark file's {@code summary} touched 1.78 GB of memory and with them 1.61 GB; its live data
 * peaks at about 1.4 GB. The command line turns them on. The desktop app does not: a full collection stops its
 * window too.
 *
 * <p>Process-wide, as the heap is.
 */
public final class PhaseCollections {
    private static volatile Runnable collector = () -> { };

    private PhaseCollections() {
    }

    /** From now on, every boundary collects the heap fully. */
    public static void enable() {
        collector = System::gc;
    }

    /** Runs {@code collector} at every boundary instead, or nothing when it is null; for tests. */
    static void collectWith(Runnable replacement) {
        collector = replacement == null ? () -> { } : replacement;
    }

    /** A phase's temporaries are garbage now and the next allocates about as much. */
    static void boundary() {
        collector.run();
    }
}
