package io.heapscope.views.dominators;

import atlantafx.base.theme.Styles;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.views.heap.HeapItems;
import io.heapscope.views.heap.HeapRow;
import io.heapscope.views.heap.HeapTreeTable;
import io.heapscope.views.heap.NodeView;
import io.heapscope.views.tree.PagedTreeItem;
import java.util.Objects;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;

/**
 * The dominator tree from the root: each object's children are the objects it alone keeps alive, biggest retained
 * size first (or in the order of the column sorted by), a page at a time. An object's retained size is its own plus
 * its subtree's, so the biggest branch is the first place to look for a leak.
 *
 * <p>The tree downwards ({@link io.heapscope.model.analysis.DominatedNodes}) is built on the first use, two int
 * arrays of the node count; a row's children are sorted when it is first opened.
 */
public final class DominatorsPane extends BorderPane implements NodeView {
    /** How deep into one object's children a revealed chain is opened in place. */
    static final int REVEAL_PAGES = 20;

    private final HeapAnalysis analysis;
    private final HeapTreeTable table;
    private final HeapItems items;

    public DominatorsPane(HeapAnalysis analysis) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        getStyleClass().add("dominators-pane");
        table = new HeapTreeTable(analysis, null, "Object");
        table.view().setId("dominators-table");
        items = new HeapItems(analysis, table);
        table.setOnSort(this::showRoot);
        int unreachable = analysis.unreachableFromRoot();
        Label hint = new Label("Each object's children are what it alone keeps alive; its retained size is theirs "
                + "plus its own." + (unreachable == 0 ? "" : " " + ByteSizes.grouped(unreachable)
                + (unreachable == 1 ? " object" : " objects") + " the root does not reach hang under it, as in "
                + "DevTools."));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setPadding(new Insets(6, 8, 6, 8));
        hint.setWrapText(true);
        setTop(hint);
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
     * Opens the tree along the object's dominator chain and selects it; where the chain leaves the first
     * {@value #REVEAL_PAGES} pages of a list, the last object reached is selected instead.
     */
    @Override
    public boolean reveal(int node) {
        if (node < 0 || node >= analysis.graph().nodeCount()) {
            return false;
        }
        int depth = 0;
        for (int at = node; at != 0; at = analysis.dominator(at)) {
            depth++;
        }
        int[] chain = new int[depth + 1];
        for (int at = node, i = depth; i >= 0; at = analysis.dominator(at), i--) {
            chain[i] = at;
        }
        TreeItem<HeapRow> item = table.view().getRoot();
        for (int i = 1; i < chain.length; i++) {
            int index = item instanceof PagedTreeItem<HeapRow> paged
                    ? paged.positionOf(new HeapRow.ObjectEntry(chain[i], -1)) : -1;
            TreeItem<HeapRow> child = HeapItems.childAt(item, index, REVEAL_PAGES);
            if (child == null) {
                break;
            }
            item = child;
        }
        table.select(item);
        return ((HeapRow.ObjectEntry) item.getValue()).node() == node;
    }

    /** The root, open, its children in the sort column's order; what was open below stays open where it can. */
    private void showRoot() {
        TreeItem<HeapRow> root = items.inDominatorTree(0);
        root.setExpanded(true);
        table.view().setShowRoot(true);
        table.showRows(root);
    }
}
