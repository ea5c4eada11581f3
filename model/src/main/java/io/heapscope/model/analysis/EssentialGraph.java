package io.heapscope.model.analysis;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.progress.SideThread;

import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * The essential edges and their retainer index, made by two threads: each selects the edges of half the nodes
 * (split where the edges halve) and then fills the retainer slots of its half. Between the two, the caller lays
 * the index out from both halves' counts, so the side thread waits for it there.
 */
final class EssentialGraph {
    private final HeapGraph graph;
    private final Future<BitSet> pageOwned;
    private final Future<WeakMapEdgeNames> weakMapNames;
    private final int middle;
    private final CompletableFuture<EssentialRetainers> layout = new CompletableFuture<>();
    private Future<EssentialEdges.Selection> firstHalf;
    private Future<Boolean> firstHalfFilled;
    private BitSet edges;
    private EssentialRetainers retainers;
    /** The halves' counts, spent once the index is filled: arrays of the node count + 1 for the tree to reuse. */
    private int[] spentCountsBefore;
    private int[] spentCountsAfter;

    private EssentialGraph(HeapGraph graph, Future<BitSet> pageOwned, Future<WeakMapEdgeNames> weakMapNames) {
        this.graph = graph;
        this.pageOwned = pageOwned;
        this.weakMapNames = weakMapNames;
        this.middle = EssentialEdges.middleNode(graph);
    }

    /** Queues the first half's work on {@code side}, after the page ownership and names it needs. */
    static EssentialGraph start(HeapGraph graph, Future<BitSet> pageOwned, Future<WeakMapEdgeNames> weakMapNames,
                                SideThread side) {
        EssentialGraph essential = new EssentialGraph(graph, pageOwned, weakMapNames);
        Future<EssentialEdges.Selection> first = side.submit(monitor -> EssentialEdges.select(graph,
                SideThread.await(pageOwned), SideThread.await(weakMapNames), 0, essential.middle, monitor));
        essential.firstHalf = first;
        essential.firstHalfFilled = side.submit(monitor -> {
            monitor.beginPhase(EssentialRetainers.PHASE, essential.middle);
            SideThread.awaitUnlessCancelled(essential.layout, monitor).fill(graph, SideThread.await(first), monitor);
            return true;
        });
        return essential;
    }

    /** Does the second half on this thread and waits for the first. */
    void finish(ProgressMonitor monitor) {
        EssentialEdges.Selection second = EssentialEdges.select(graph, SideThread.await(pageOwned),
                SideThread.await(weakMapNames), middle, graph.nodeCount(), monitor);
        monitor.endPhase();
        monitor.beginPhase(EssentialRetainers.PHASE, graph.nodeCount() - middle);
        EssentialEdges.Selection first = SideThread.await(firstHalf);
        // Shallow sizes' and page ownership's temporaries, before the index and the tree allocate theirs and the
        // other thread's distances and classes theirs: the load's peak.
        PhaseCollections.boundary();
        EssentialRetainers index = EssentialRetainers.layOut(first, second, monitor);
        layout.complete(index);
        index.fill(graph, second, monitor);
        SideThread.await(firstHalfFilled);
        monitor.endPhase();
        second.edges().or(first.edges());
        edges = second.edges();
        retainers = index;
        spentCountsBefore = first.targetCounts();
        spentCountsAfter = second.targetCounts();
        // The halves' cursors are garbage now; the futures would keep them through the dominator tree.
        firstHalf = null;
        firstHalfFilled = null;
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

    /**
     * Two int arrays of the node count + 1 that nothing needs any more, with garbage in them: fresh memory is
     * slow to touch the first time, and the dominator tree needs arrays of that size.
     */
    int[][] takeSpentArrays() {
        int[][] taken = {spentCountsBefore, spentCountsAfter};
        spentCountsBefore = null;
        spentCountsAfter = null;
        return taken;
    }

    /** The essential retainers, handed over as {@link #takeEdges} is. */
    EssentialRetainers takeRetainers() {
        EssentialRetainers taken = retainers;
        retainers = null;
        return taken;
    }
}
