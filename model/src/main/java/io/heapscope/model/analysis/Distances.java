package io.heapscope.model.analysis;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;

import java.util.Arrays;
import java.util.BitSet;

/**
 * DevTools' "Distance" ({@code calculateDistances}): a breadth-first search over non-weak edges from the user roots
 * (distance 1), then a second from the root for what only GC roots reach ({@link NodeMeasures#BASE_SYSTEM_DISTANCE}
 * and on when there are user roots). Some edges are not followed, as in DevTools: those {@link DistanceFilters}
 * names, and the first edge of each WeakMap key/table pair, so that a WeakMap value's distance comes from the later
 * of its table and key.
 */
final class Distances {
    static final String PHASE = "Calculating distances";

    private final HeapGraph graph;
    private final WeakMapEdgeNames weakMapNames;
    private final DistanceFilters filters;
    private final int internal;
    private final int weak;
    /** WeakMap pair keys of which one edge was seen and skipped; shared by both searches, as in DevTools. */
    private final BitSet pendingPairs;

    private Distances(HeapGraph graph, WeakMapEdgeNames weakMapNames) {
        this.graph = graph;
        this.weakMapNames = weakMapNames;
        this.pendingPairs = new BitSet(weakMapNames.pairCount());
        this.filters = new DistanceFilters(graph);
        this.internal = graph.edgeTypes().code("internal");
        this.weak = graph.edgeTypes().code("weak");
    }

    static int[] compute(HeapGraph graph, RootKinds roots, WeakMapEdgeNames weakMapNames, ProgressMonitor monitor) {
        monitor.beginPhase(PHASE, graph.nodeCount());
        return new Distances(graph, weakMapNames).run(roots, monitor);
    }

    private int[] run(RootKinds roots, ProgressMonitor monitor) {
        int count = graph.nodeCount();
        int[] distances = new int[count];
        Arrays.fill(distances, NodeMeasures.NO_DISTANCE);
        // A root child listed twice is queued twice, as in DevTools; room for that beyond the node count.
        int[] queue = new int[count + graph.edgeEnd(0) - graph.edgeStart(0) + 1];
        int length = 0;
        for (int e = graph.edgeStart(0); e < graph.edgeEnd(0); e++) {
            int child = graph.edgeTarget(e);
            if (roots.isUserRoot(child)) {
                distances[child] = 1;
                queue[length++] = child;
            }
        }
        int visited = search(queue, length, distances, 0, monitor);
        distances[0] = length > 0 ? NodeMeasures.BASE_SYSTEM_DISTANCE : 0;
        queue[0] = 0;
        search(queue, 1, distances, visited, monitor);
        return distances;
    }

    private int search(int[] queue, int length, int[] distances, int visited, ProgressMonitor monitor) {
        int index = 0;
        while (index < length) {
            int node = queue[index++];
            int distance = distances[node] + 1;
            for (int e = graph.edgeStart(node), end = graph.edgeEnd(node); e < end; e++) {
                if (graph.edgeType(e) == weak) {
                    continue;
                }
                int child = graph.edgeTarget(e);
                if (distances[child] != NodeMeasures.NO_DISTANCE || !follows(node, e)) {
                    continue;
                }
                distances[child] = distance;
                queue[length++] = child;
            }
            if ((++visited & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                ProgressMonitor.checkpoint(monitor, Math.min(visited, graph.nodeCount()));
            }
        }
        return visited;
    }

    /** DevTools' distance filter, asked only for non-weak edges to nodes not reached yet. */
    private boolean follows(int node, int edge) {
        if (!filters.allows(node, edge)) {
            return false;
        }
        if (graph.edgeType(edge) == internal) {
            int pair = weakMapNames.pair(graph.edgeNameOrIndex(edge));
            if (pair >= 0) {
                // The first edge of a pair seen is skipped, the second followed.
                boolean second = pendingPairs.get(pair);
                pendingPairs.flip(pair);
                return second;
            }
        }
        return true;
    }
}
