package io.heapscope.model.analysis;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.progress.SideThread;

import java.util.BitSet;
import java.util.concurrent.Future;

/**
 * The essential edges, selected by two threads, each for half the nodes (split where the edges halve), and how many
 * of them point at each node. The dominator tree indexes their retainers itself, in the order its search numbers
 * the nodes ({@link EssentialRetainers}).
 */
final class EssentialGraph {
    private final HeapGraph graph;
    private final Future<BitSet> pageOwned;
    private final Future<WeakMapEdgeNames> weakMapNames;
    private final int middle;
    private Future<EssentialEdges.Selection> firstHalf;
    private BitSet edges;
    /** Essential edges pointing at each node, by ordinal; one spare entry at the end. */
    private int[] targetCounts;
    /** The second half's counts, spent once added to the first's: an array of the node count + 1 to reuse. */
    private int[] spentCounts;

    private EssentialGraph(HeapGraph graph, Future<BitSet> pageOwned, Future<WeakMapEdgeNames> weakMapNames) {
        this.graph = graph;
        this.pageOwned = pageOwned;
        this.weakMapNames = weakMapNames;
        this.middle = EssentialEdges.middleNode(graph);
    }

    /** Queues the first half's selection on {@code side}, after the page ownership and names it needs. */
    static EssentialGraph start(HeapGraph graph, Future<BitSet> pageOwned, Future<WeakMapEdgeNames> weakMapNames,
                                SideThread side) {
        EssentialGraph essential = new EssentialGraph(graph, pageOwned, weakMapNames);
        essential.firstHalf = side.submit(monitor -> EssentialEdges.select(graph, SideThread.await(pageOwned),
                SideThread.await(weakMapNames), 0, essential.middle, monitor));
        return essential;
    }

    /** Does the second half on this thread, waits for the first and joins them. */
    void finish(ProgressMonitor monitor) {
        EssentialEdges.Selection second = EssentialEdges.select(graph, SideThread.await(pageOwned),
                SideThread.await(weakMapNames), middle, graph.nodeCount(), monitor);
        EssentialEdges.Selection first = SideThread.await(firstHalf);
        firstHalf = null;
        int[] counts = first.targetCounts();
        int[] secondCounts = second.targetCounts();
        for (int n = 0; n < counts.length; n++) {
            counts[n] += secondCounts[n];
        }
        first.edges().or(second.edges());
        edges = first.edges();
        targetCounts = counts;
        spentCounts = secondCounts;
        monitor.checkCancelled();
        // Shallow sizes' and page ownership's temporaries and the second half's edges, before the tree allocates
        // its arrays and index and the other thread's distances and classes theirs: the load's peak.
        PhaseCollections.boundary();
    }

    /**
     * The essential edges, handed over: this no longer holds them, so the taker decides when they become garbage
     * (the dominator tree drops them halfway through, and a caller's frame would otherwise keep them).
     */
    BitSet takeEdges() {
        BitSet taken = edges;
        edges = null;
        return taken;
    }

    /** The essential edges pointing at each node, handed over as {@link #takeEdges} is. */
    int[] takeTargetCounts() {
        int[] taken = targetCounts;
        targetCounts = null;
        return taken;
    }

    /**
     * An int array of the node count + 1 that nothing needs any more, with garbage in it: fresh memory is slow to
     * touch the first time, and the dominator tree needs arrays of that size.
     */
    int[] takeSpentArray() {
        int[] taken = spentCounts;
        spentCounts = null;
        return taken;
    }
}
