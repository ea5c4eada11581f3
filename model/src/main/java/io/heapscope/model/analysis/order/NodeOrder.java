package io.heapscope.model.analysis.order;

import io.heapscope.model.analysis.NodeMeasures;
import io.heapscope.model.graph.HeapGraph;

/**
 * Orders objects (node ordinals) as DevTools orders a class's instances ({@code HeapSnapshotInstanceNode}'s
 * comparator): by id for the name and count columns, else by the column's value, ties by retained size descending
 * (distance) or by id. Sorts copies, never the model's own arrays.
 */
public final class NodeOrder {
    private NodeOrder() {
    }

    /** A comparator of node ordinals for {@code key} in the given direction. */
    public static IntSort.IntComparator comparator(HeapGraph graph, NodeMeasures measures, SortKey key,
                                                   boolean ascending) {
        IntSort.IntComparator byId = (a, b) -> Long.compare(graph.nodeId(a), graph.nodeId(b));
        IntSort.IntComparator byRetainedDescending = (a, b) ->
                Long.compare(measures.retainedSize(b), measures.retainedSize(a));
        return switch (key) {
            case NAME -> directed(byId, ascending);
            // The count of one object is 1: DevTools then keeps the id order, ascending whatever the direction.
            case COUNT -> byId;
            case DISTANCE -> then(directed((a, b) -> Integer.compare(measures.distance(a), measures.distance(b)),
                    ascending), byRetainedDescending);
            case SHALLOW_SIZE -> then(directed((a, b) -> Long.compare(measures.shallowSize(a),
                    measures.shallowSize(b)), ascending), byId);
            case RETAINED_SIZE -> then(directed((a, b) -> Long.compare(measures.retainedSize(a),
                    measures.retainedSize(b)), ascending), byId);
        };
    }

    /**
     * {@code nodes} (ascending ordinals, taken over) in {@link #comparator}'s order, sorted only as far as they are
     * read; the column's number of each node is read once up front, so the first page of a million is quick.
     */
    public static LazySortedInts lazy(int[] nodes, HeapGraph graph, NodeMeasures measures, SortKey key,
                                      boolean ascending) {
        IntSort.IntComparator order = comparator(graph, measures, key, ascending);
        return switch (key) {
            case NAME -> new LazySortedInts(nodes, graph::nodeId, !ascending, order);
            case COUNT -> new LazySortedInts(nodes, graph::nodeId, false, order);
            case DISTANCE -> new LazySortedInts(nodes, measures::distance, !ascending, order);
            case SHALLOW_SIZE -> new LazySortedInts(nodes, measures::shallowSize, !ascending, order);
            case RETAINED_SIZE -> new LazySortedInts(nodes, measures::retainedSize, !ascending, order);
        };
    }

    /** A sorted copy of {@code nodes}. */
    public static int[] sorted(int[] nodes, HeapGraph graph, NodeMeasures measures, SortKey key, boolean ascending) {
        int[] copy = nodes.clone();
        IntSort.sort(copy, comparator(graph, measures, key, ascending));
        return copy;
    }

    static IntSort.IntComparator directed(IntSort.IntComparator order, boolean ascending) {
        return ascending ? order : (a, b) -> order.compare(b, a);
    }

    static IntSort.IntComparator then(IntSort.IntComparator first, IntSort.IntComparator second) {
        return (a, b) -> {
            int result = first.compare(a, b);
            return result != 0 ? result : second.compare(a, b);
        };
    }
}
