package io.heapscope.model.analysis;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * DevTools' "Distance" ({@code calculateDistances}): a breadth-first search over non-weak edges from the user roots
 * (distance 1), then a second from the root for what only GC roots reach ({@link NodeMeasures#BASE_SYSTEM_DISTANCE}
 * and on when there are user roots). Three edges are not followed, as in DevTools: a native context's
 * {@code sloppy_function_map}, the descriptor entries of {@code (map descriptors)} arrays, and the first edge of each
 * WeakMap key/table pair, so that a WeakMap value's distance comes from the later of its table and key.
 */
final class Distances {
    static final String PHASE = "Calculating distances";

    private final HeapGraph graph;
    private final WeakMapEdgeNames weakMapNames;
    private final int hidden;
    private final int array;
    private final int internal;
    private final int weak;
    private final NameIndexes sloppyFunctionMap;
    private final NameIndexes nativeContext;
    private final NameIndexes mapDescriptors;
    /** WeakMap pairs of which one edge was seen and skipped; shared by both searches, as in DevTools. */
    private final Set<String> pendingPairs = new HashSet<>();

    private Distances(HeapGraph graph, WeakMapEdgeNames weakMapNames) {
        this.graph = graph;
        this.weakMapNames = weakMapNames;
        this.hidden = graph.nodeTypes().code("hidden");
        this.array = graph.nodeTypes().code("array");
        this.internal = graph.edgeTypes().code("internal");
        this.weak = graph.edgeTypes().code("weak");
        this.sloppyFunctionMap = new NameIndexes(graph.strings(), "sloppy_function_map");
        this.nativeContext = new NameIndexes(graph.strings(), "system / NativeContext");
        this.mapDescriptors = new NameIndexes(graph.strings(), "(map descriptors)");
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
            if ((++visited & 0xFFFF) == 0) {
                monitor.checkCancelled();
                monitor.progress(Math.min(visited, graph.nodeCount()));
            }
        }
        return visited;
    }

    /** DevTools' distance filter, asked only for non-weak edges to nodes not reached yet. */
    private boolean follows(int node, int edge) {
        int nodeType = graph.nodeType(node);
        if (nodeType == hidden && !graph.edgeHasIndexName(edge) && sloppyFunctionMap.matches(graph.edgeNameOrIndex(edge))
                && nativeContext.matches(graph.nodeNameIndex(node))) {
            return false;
        }
        if (nodeType == array && mapDescriptors.matches(graph.nodeNameIndex(node))) {
            long index = leadingInteger(graph.edgeName(edge));
            // DevTools parses the name with parseInt: a name without a number (NaN) is followed.
            return index == Long.MIN_VALUE || index < 2 || index % 3 != 1;
        }
        if (graph.edgeType(edge) == internal) {
            WeakMapEdgeNames.Entry entry = weakMapNames.entry(graph.edgeNameOrIndex(edge));
            if (entry != null && !pendingPairs.remove(entry.pairKey())) {
                pendingPairs.add(entry.pairKey());
                return false;
            }
        }
        return true;
    }

    /** JavaScript's {@code parseInt(text, 10)}: the leading integer, or {@link Long#MIN_VALUE} for NaN. */
    static long leadingInteger(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int start = i;
        long value = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 18) {
            value = value * 10 + (text.charAt(i) - '0');
            i++;
        }
        if (i == start) {
            return Long.MIN_VALUE;
        }
        return negative ? -value : value;
    }
}
