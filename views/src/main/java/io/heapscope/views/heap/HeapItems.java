package io.heapscope.views.heap;

import io.heapscope.model.analysis.DominatedNodes;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.order.EdgeOrder;
import io.heapscope.model.analysis.order.LazySortedInts;
import io.heapscope.model.analysis.order.NodeOrder;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.views.heap.HeapRow.MoreEntry;
import io.heapscope.views.heap.HeapRow.ObjectEntry;
import io.heapscope.views.tree.PagedTreeItem;
import javafx.scene.control.TreeItem;

/**
 * The object rows of the heap trees, made on demand a page at a time ({@link PagedTreeItem}) in the table's
 * current sort order: an object's outgoing edges (Summary and Containment), or its children in the dominator tree.
 * A child list is read from the model when its parent is first expanded and sorted only as far as its pages are
 * shown ({@link LazySortedInts}); until then a row costs one tree item. There is no recursion over the graph: each level is made only when the user opens it.
 */
public final class HeapItems {
    private final HeapAnalysis analysis;
    private final HeapGraph graph;
    private final RowOrder order;

    /** @param order the order lists are sorted in when they are opened: the table's current one */
    public HeapItems(HeapAnalysis analysis, RowOrder order) {
        this.analysis = analysis;
        this.graph = analysis.graph();
        this.order = order;
    }

    /** {@code node}, reached through {@code edge} ({@code -1}: listed for itself), expanding to its edges. */
    public PagedTreeItem<HeapRow> withEdges(int node, int edge) {
        LazySortedInts[] edges = new LazySortedInts[1];
        return new PagedTreeItem<>(new ObjectEntry(node, edge), graph.edgeStart(node) == graph.edgeEnd(node),
                () -> (edges[0] = sortedEdges(node)).length(),
                i -> {
                    int child = edges[0].get(i);
                    return withEdges(graph.edgeTarget(child), child);
                }, MoreEntry::new)
                .findingChildrenBy(row -> row instanceof ObjectEntry o && o.edge() >= 0
                        ? edges[0].positionOf(o.edge()) : -1);
    }

    /** {@code node} in the dominator tree, expanding to the objects it alone keeps alive. */
    public PagedTreeItem<HeapRow> inDominatorTree(int node) {
        DominatedNodes tree = analysis.dominated();
        LazySortedInts[] children = new LazySortedInts[1];
        return new PagedTreeItem<>(new ObjectEntry(node, -1), tree.start(node) == tree.end(node),
                () -> (children[0] = sortedDominated(node)).length(), i -> inDominatorTree(children[0].get(i)),
                MoreEntry::new)
                .findingChildrenBy(row -> row instanceof ObjectEntry o ? children[0].positionOf(o.node()) : -1);
    }

    /**
     * The edges of {@code node} as its row lists them, in the table's order; sorted as far as they are read, so
     * an array of a million elements shows its first page at once.
     */
    public LazySortedInts sortedEdges(int node) {
        return EdgeOrder.lazy(graph, analysis, node, order.sortKey(), order.ascending());
    }

    /** The dominator-tree children of {@code node} as its row lists them, in the table's order, sorted as read. */
    public LazySortedInts sortedDominated(int node) {
        // children() returns a copy, in ordinal order.
        return NodeOrder.lazy(analysis.dominated().children(node), graph, analysis, order.sortKey(),
                order.ascending());
    }

    /** The position of {@code value} in {@code values}, or -1. */
    public static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** The child of {@code parent} at {@code index}, making pages up to it; {@code null} when that is too deep. */
    public static TreeItem<HeapRow> childAt(TreeItem<HeapRow> parent, int index, int maxPages) {
        if (!(parent instanceof PagedTreeItem<HeapRow> paged) || index < 0
                || index >= maxPages * PagedTreeItem.PAGE_SIZE) {
            return null;
        }
        return paged.showThrough(index);
    }
}
