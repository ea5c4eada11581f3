package io.heapscope.model.analysis.order;

import io.heapscope.model.analysis.NodeMeasures;
import io.heapscope.model.graph.HeapGraph;

/**
 * An object's outgoing edges as DevTools' Summary and Containment list them: every edge but the invisible ones
 * ({@code containmentEdgesFilter}), ordered by {@code HeapSnapshotObjectNode}'s comparator: by edge name for the
 * name and count columns (property names before element indexes, indexes by number, {@code __proto__} last), else
 * by the target's value, ties by edge name. Cost: linear in the node's edges plus the sort.
 */
public final class EdgeOrder {
    private EdgeOrder() {
    }

    /** The edge positions of {@code node} that the views show, sorted. */
    public static int[] edges(HeapGraph graph, NodeMeasures measures, int node, SortKey key, boolean ascending) {
        int[] shown = visible(graph, node);
        IntSort.sort(shown, comparator(graph, measures, key, ascending));
        return shown;
    }

    /**
     * The edge positions of {@code node} that the views show in {@link #comparator}'s order, sorted only as far as
     * they are read; for the number columns each target's number is read once up front.
     */
    public static LazySortedInts lazy(HeapGraph graph, NodeMeasures measures, int node, SortKey key,
                                      boolean ascending) {
        int[] edges = visible(graph, node);
        IntSort.IntComparator order = comparator(graph, measures, key, ascending);
        return switch (key) {
            case NAME, COUNT -> new LazySortedInts(edges, order);
            case DISTANCE -> new LazySortedInts(edges, edge -> measures.distance(graph.edgeTarget(edge)), !ascending,
                    order);
            case SHALLOW_SIZE -> new LazySortedInts(edges, edge -> measures.shallowSize(graph.edgeTarget(edge)),
                    !ascending, order);
            case RETAINED_SIZE -> new LazySortedInts(edges, edge -> measures.retainedSize(graph.edgeTarget(edge)),
                    !ascending, order);
        };
    }

    /** The edge positions of {@code node} that the views show, ascending (unsorted by any column). */
    public static int[] visible(HeapGraph graph, int node) {
        int invisible = graph.edgeTypes().code("invisible");
        int start = graph.edgeStart(node);
        int end = graph.edgeEnd(node);
        int[] edges = new int[end - start];
        int count = 0;
        for (int edge = start; edge < end; edge++) {
            if (graph.edgeType(edge) != invisible) {
                edges[count++] = edge;
            }
        }
        return count == edges.length ? edges : java.util.Arrays.copyOf(edges, count);
    }

    public static IntSort.IntComparator comparator(HeapGraph graph, NodeMeasures measures, SortKey key,
                                                   boolean ascending) {
        IntSort.IntComparator byName = (a, b) -> compareNames(graph, a, b);
        return switch (key) {
            case NAME -> NodeOrder.directed(byName, ascending);
            case COUNT -> byName;
            case DISTANCE -> NodeOrder.then(NodeOrder.directed((a, b) -> Integer.compare(
                    measures.distance(graph.edgeTarget(a)), measures.distance(graph.edgeTarget(b))), ascending),
                    byName);
            case SHALLOW_SIZE -> NodeOrder.then(NodeOrder.directed((a, b) -> Long.compare(
                    measures.shallowSize(graph.edgeTarget(a)), measures.shallowSize(graph.edgeTarget(b))),
                    ascending), byName);
            case RETAINED_SIZE -> NodeOrder.then(NodeOrder.directed((a, b) -> Long.compare(
                    measures.retainedSize(graph.edgeTarget(a)), measures.retainedSize(graph.edgeTarget(b))),
                    ascending), byName);
        };
    }

    /** DevTools' {@code compareEdgeFieldName}: names first, then indexes by number; {@code __proto__} last. */
    static int compareNames(HeapGraph graph, int a, int b) {
        boolean aIndex = graph.edgeHasIndexName(a);
        boolean bIndex = graph.edgeHasIndexName(b);
        if (!bIndex && "__proto__".equals(graph.edgeName(b))) {
            return !aIndex && "__proto__".equals(graph.edgeName(a)) ? 0 : -1;
        }
        if (!aIndex && "__proto__".equals(graph.edgeName(a))) {
            return 1;
        }
        if (aIndex != bIndex) {
            return aIndex ? 1 : -1;
        }
        if (aIndex) {
            return Integer.compareUnsigned(graph.edgeNameOrIndex(a), graph.edgeNameOrIndex(b));
        }
        return graph.edgeName(a).compareTo(graph.edgeName(b));
    }
}
