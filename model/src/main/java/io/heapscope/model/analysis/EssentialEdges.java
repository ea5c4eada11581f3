package io.heapscope.model.analysis;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;

import java.util.BitSet;

/**
 * The edges DevTools builds its dominator tree from ({@code computeIsEssentialEdge}): not weak, not a self edge,
 * {@code shortcut} only from the root, not the table's edge of a WeakMap entry (the key's edge is kept), and not an
 * edge from an object outside the page into a page-owned one.
 */
final class EssentialEdges {
    static final String PHASE = "Selecting essential edges";

    private EssentialEdges() {
    }

    /** The node that splits the edges into two halves of about the same size, for two threads. */
    static int middleNode(HeapGraph graph) {
        int low = 0;
        int high = graph.nodeCount();
        int half = graph.edgeCount() / 2;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (graph.edgeStart(mid) < half) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * The essential edges of nodes {@code [fromNode, toNode)}, and how many of them point at each node (the
     * retainer index counts them here, while the edge is at hand). {@code targetCounts} has a spare entry at the
     * end, so the dominator tree can reuse it as one of its vertex arrays.
     */
    record Selection(int fromNode, int toNode, BitSet edges, int[] targetCounts) {
    }

    /**
     * The essential edges among those of nodes {@code [fromNode, toNode)}; the union of disjoint ranges is the whole
     * selection.
     */
    static Selection select(HeapGraph graph, BitSet pageOwned, WeakMapEdgeNames weakMapNames, int fromNode,
                            int toNode, ProgressMonitor monitor) {
        monitor.beginPhase(PHASE, toNode - fromNode);
        monitor.checkCancelled();
        int internal = graph.edgeTypes().code("internal");
        int weak = graph.edgeTypes().code("weak");
        int shortcut = graph.edgeTypes().code("shortcut");
        BitSet essential = new BitSet(graph.edgeCount());
        int[] targetCounts = new int[graph.nodeCount() + 1];
        for (int node = fromNode; node < toNode; node++) {
            boolean nodeOwned = pageOwned.get(node);
            for (int e = graph.edgeStart(node), end = graph.edgeEnd(node); e < end; e++) {
                int type = graph.edgeType(e);
                if (type == weak) {
                    continue;
                }
                if (type == internal) {
                    int pair = weakMapNames.pair(graph.edgeNameOrIndex(e));
                    if (pair >= 0 && weakMapNames.tableId(pair) == graph.nodeId(node)) {
                        continue;
                    }
                }
                int target = graph.edgeTarget(e);
                if (target == node) {
                    continue;
                }
                if (node != 0 && (type == shortcut || (pageOwned.get(target) && !nodeOwned))) {
                    continue;
                }
                essential.set(e);
                targetCounts[target]++;
            }
            if ((node & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                ProgressMonitor.checkpoint(monitor, node - fromNode);
            }
        }
        return new Selection(fromNode, toNode, essential, targetCounts);
    }
}
