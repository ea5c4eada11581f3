package io.heapscope.views.summary;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.classes.ClassSummary;
import io.heapscope.model.analysis.order.ClassOrder;
import io.heapscope.model.analysis.order.LazySortedInts;
import io.heapscope.model.analysis.order.NodeOrder;
import io.heapscope.views.heap.HeapClasses;
import io.heapscope.views.heap.HeapItems;
import io.heapscope.views.heap.HeapRow;
import io.heapscope.views.heap.HeapRow.ClassEntry;
import io.heapscope.views.heap.HeapRow.MoreEntry;
import io.heapscope.views.heap.HeapRow.ObjectEntry;
import io.heapscope.views.heap.RowOrder;
import io.heapscope.views.tree.PagedTreeItem;
import java.util.Objects;

/**
 * The Summary's rows, without the window: the classes in the sort order (optionally filtered by name), a class
 * opening to its instances sorted the same way, an instance to its edges, each list a page at a time. The
 * {@link SummaryPane} shows them; {@code heapscope bench --views} times them on big snapshots.
 *
 * <p>Cost: the classes are sorted when {@link #root} is made (linear in the classes plus the sort); a class's
 * instances are copied when it is first opened and sorted as far as its pages are shown (linear in its instances
 * for the first page), its edges likewise.
 */
public final class SummaryRows {
    private final HeapAnalysis analysis;
    private final ClassSummary summary;
    private final RowOrder order;
    private final HeapItems items;
    /** The class rows of the last {@link #root}, in order. */
    private int[] rows = new int[0];

    public SummaryRows(HeapAnalysis analysis, HeapClasses classes, RowOrder order) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.summary = classes.summary();
        this.order = Objects.requireNonNull(order, "order");
        this.items = new HeapItems(analysis, order);
    }

    /** The classes whose name contains {@code nameFilter} (all for empty), in the order's sort, as a tree root. */
    public PagedTreeItem<HeapRow> root(String nameFilter) {
        int[] shown = ClassOrder.rows(summary, order.sortKey(), order.ascending(), nameFilter);
        rows = shown;
        PagedTreeItem<HeapRow> root = new PagedTreeItem<>(null, shown.length, i -> classItem(shown[i]),
                MoreEntry::new)
                .findingChildrenBy(row -> row instanceof ClassEntry c ? HeapItems.indexOf(shown, c.row()) : -1);
        root.setExpanded(true);
        return root;
    }

    /** The class rows of the last {@link #root}, in order (the array itself: do not change it). */
    int[] rows() {
        return rows;
    }

    /** The item of summary row {@code row}, opening to its instances in the order's sort. */
    public PagedTreeItem<HeapRow> classItem(int row) {
        LazySortedInts[] instances = new LazySortedInts[1];
        return new PagedTreeItem<>(new ClassEntry(row), summary.instanceCount(row) == 0,
                () -> (instances[0] = sortedInstances(row)).length(), i -> items.withEdges(instances[0].get(i), -1),
                MoreEntry::new)
                .findingChildrenBy(value -> value instanceof ObjectEntry o && o.edge() < 0
                        ? instances[0].positionOf(o.node()) : -1);
    }

    /** {@code node} as a row of its own, opening to its edges: an object found by id. */
    public PagedTreeItem<HeapRow> objectItem(int node) {
        return items.withEdges(node, -1);
    }

    /**
     * A class's instances in the order's sort (DevTools sorts a class's objects by the sort column too), sorted
     * only as far as they are read: the first page of a million instances costs a linear pass, not a full sort.
     */
    public LazySortedInts sortedInstances(int row) {
        // instances() returns a copy, in node order.
        return NodeOrder.lazy(summary.instances(row, 0, summary.instanceCount(row)), analysis.graph(), analysis,
                order.sortKey(), order.ascending());
    }
}
