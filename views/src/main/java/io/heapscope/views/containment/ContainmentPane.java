package io.heapscope.views.containment;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.Retainers;
import io.heapscope.model.analysis.Retainers.Hop;
import io.heapscope.views.heap.HeapItems;
import io.heapscope.views.heap.HeapRow;
import io.heapscope.views.heap.HeapTreeTable;
import io.heapscope.views.heap.NodeView;
import io.heapscope.views.tree.PagedTreeItem;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;

/**
 * DevTools' Containment view: the heap graph from the root down, the root's edges (the GC roots, the globals) at
 * the top, each object expandable to its outgoing edges ({@code name :: Target @id}), a page at a time, in the
 * sort column's order. The graph has cycles; rows are made only as the user opens them, so that costs nothing.
 */
public final class ContainmentPane extends BorderPane implements NodeView {
    /** How deep into one object's edges a revealed path is opened in place. */
    static final int REVEAL_PAGES = 20;

    private final HeapAnalysis analysis;
    private final HeapTreeTable table;
    private final HeapItems items;
    /** Made on the first reveal: its name lookups scan the string table. */
    private Retainers retainers;

    public ContainmentPane(HeapAnalysis analysis) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        getStyleClass().add("containment-pane");
        table = new HeapTreeTable(analysis, null, "Object");
        table.view().setId("containment-table");
        table.view().setPlaceholder(new Label("The root holds nothing"));
        items = new HeapItems(analysis, table);
        table.setOnSort(this::showRoot);
        setCenter(table.view());
        showRoot();
    }

    @Override
    public ReadOnlyIntegerProperty selectedNodeProperty() {
        return table.selectedNodeProperty();
    }

    TreeTableView<HeapRow> tree() {
        return table.view();
    }

    /**
     * Opens the tree along the object's shortest path from the root (the one the Retainers view opens) and selects
     * it; where the path leaves the first {@value #REVEAL_PAGES} pages of a list, the last object reached is
     * selected instead. False when the object is unreachable.
     */
    @Override
    public boolean reveal(int node) {
        if (retainers == null) {
            retainers = new Retainers(analysis);
        }
        List<Hop> path = retainers.shortestPath(node);
        if (path.isEmpty()) {
            return false;
        }
        TreeItem<HeapRow> item = table.view().getRoot();
        TreeItem<HeapRow> deepest = null;
        for (int i = 1; i < path.size(); i++) {
            int index = item instanceof PagedTreeItem<HeapRow> paged
                    ? paged.positionOf(new HeapRow.ObjectEntry(path.get(i).node(), path.get(i).edge())) : -1;
            TreeItem<HeapRow> child = HeapItems.childAt(item, index, REVEAL_PAGES);
            if (child == null) {
                break;
            }
            item = child;
            deepest = child;
        }
        if (deepest != null) {
            table.select(deepest);
        }
        return deepest != null && ((HeapRow.ObjectEntry) deepest.getValue()).node() == node;
    }

    /** The root's edges in the sort column's order; what was open below stays open where it can. */
    private void showRoot() {
        TreeItem<HeapRow> root = items.withEdges(0, -1);
        root.setExpanded(true);
        table.showRows(root);
    }
}
