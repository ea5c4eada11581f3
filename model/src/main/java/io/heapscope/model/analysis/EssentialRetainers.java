package io.heapscope.model.analysis;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;

import java.util.BitSet;

/**
 * For every node, the owners of the essential edges that point at it: all the dominator tree asks of retainers.
 * One int per essential edge plus one per node, where the graph's full retainer index takes two ints per edge; and
 * the tree's hottest loop reads one array instead of testing every retainer edge's bit. An owner with two essential
 * edges to a node appears twice; the tree takes a minimum over owners, so neither that nor their order matters.
 *
 * <p>Built in the same halves the essential edges were selected in, one per thread: {@link #layOut} places each
 * half's owners of a node one after the other, using the counts the selection made, then each thread
 * {@linkplain #fill fills} its half.
 */
final class EssentialRetainers {
    static final String PHASE = "Indexing essential retainers";

    private final int[] first;
    private final int[] owner;
    private EssentialRetainers(int[] first, int[] owner) {
        this.first = first;
        this.owner = owner;
    }

    /**
     * Where each node's owners go. Each half's target counts become that half's fill cursors (the first half's
     * owners of a node before the second's), so the two halves can be filled at the same time.
     */
    static EssentialRetainers layOut(EssentialEdges.Selection firstHalf, EssentialEdges.Selection secondHalf,
                                     ProgressMonitor monitor) {
        int[] cursorsBefore = firstHalf.targetCounts();
        int[] cursorsAfter = secondHalf.targetCounts();
        int nodeCount = cursorsBefore.length - 1;
        int[] first = new int[nodeCount + 1];
        int start = 0;
        for (int n = 0; n < nodeCount; n++) {
            int before = cursorsBefore[n];
            int after = cursorsAfter[n];
            first[n] = start;
            cursorsBefore[n] = start;
            cursorsAfter[n] = start + before;
            start += before + after;
        }
        first[nodeCount] = start;
        monitor.checkCancelled();
        return new EssentialRetainers(first, new int[start]);
    }

    /**
     * Writes the owners of {@code half}'s edges; the two halves may be filled at the same time. Progress is
     * nodes of the half, in the caller's phase.
     */
    void fill(HeapGraph graph, EssentialEdges.Selection half, ProgressMonitor monitor) {
        BitSet essential = half.edges();
        int[] cursor = half.targetCounts();
        for (int n = half.fromNode(), to = half.toNode(); n < to; n++) {
            for (int e = graph.edgeStart(n), end = graph.edgeEnd(n); e < end; e++) {
                if (essential.get(e)) {
                    owner[cursor[graph.edgeTarget(e)]++] = n;
                }
            }
            if ((n & 0x3FFFF) == 0) {
                monitor.checkCancelled();
                monitor.progress(n - half.fromNode());
            }
        }
        monitor.progress(half.toNode() - half.fromNode());
    }

    /** Slots of {@code node}'s essential retainers are {@code [start(node), end(node))}. */
    int start(int node) {
        return first[node];
    }

    int end(int node) {
        return first[node + 1];
    }

    int owner(int slot) {
        return owner[slot];
    }
}
