package io.heapscope.model.graph;

import io.heapscope.model.progress.ProgressMonitor;

import java.util.Arrays;

/**
 * The reverse of the edge lists: for every node, the edges that point at it and the nodes that own those edges.
 * Built once with a counting pass (count, prefix sum, fill), so it costs two int arrays of the edge count plus one
 * of the node count, and no per-node objects. Retainers of a node appear in descending owner ordinal, then
 * descending edge position: the order DevTools stores and lists them in.
 */
final class RetainerIndex {
    static final String PHASE = "Indexing retainers";

    final int[] firstRetainer;
    final int[] retainerEdge;
    final int[] retainerNode;

    private RetainerIndex(int[] firstRetainer, int[] retainerEdge, int[] retainerNode) {
        this.firstRetainer = firstRetainer;
        this.retainerEdge = retainerEdge;
        this.retainerNode = retainerNode;
    }

    static RetainerIndex build(NodeColumns nodes, EdgeColumns edges, ProgressMonitor monitor) {
        int nodeCount = nodes.count();
        int edgeCount = edges.count();
        int[] typeAndTarget = edges.typeAndTarget();
        int[] firstEdge = nodes.firstEdge();
        monitor.beginPhase(PHASE, 2L * edgeCount);

        int[] first = new int[nodeCount + 1];
        for (int e = 0; e < edgeCount; e++) {
            first[EdgeColumns.target(typeAndTarget[e]) + 1]++;
        }
        for (int n = 0; n < nodeCount; n++) {
            first[n + 1] += first[n];
        }
        monitor.checkCancelled();
        monitor.progress(edgeCount);

        int[] retainerEdge = new int[edgeCount];
        int[] retainerNode = new int[edgeCount];
        // Each node's slots fill from its end, as DevTools fills them, so retainers come in DevTools' order:
        // the last owner (and its last edge) first. Paths and views then break ties the way DevTools does.
        int[] next = Arrays.copyOfRange(first, 1, nodeCount + 1);
        for (int n = 0; n < nodeCount; n++) {
            for (int e = firstEdge[n], end = firstEdge[n + 1]; e < end; e++) {
                int slot = --next[EdgeColumns.target(typeAndTarget[e])];
                retainerEdge[slot] = e;
                retainerNode[slot] = n;
            }
            if ((n & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                ProgressMonitor.checkpoint(monitor, edgeCount + (long) firstEdge[n]);
            }
        }
        monitor.progress(2L * edgeCount);
        return new RetainerIndex(first, retainerEdge, retainerNode);
    }
}
