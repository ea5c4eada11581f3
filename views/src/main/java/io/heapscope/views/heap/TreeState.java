package io.heapscope.views.heap;

import io.heapscope.views.tree.PagedTreeItem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import javafx.scene.control.TreeItem;

/**
 * What was open in a heap tree, and which row was selected, as paths of row values: kept across a rebuild of the
 * tree (a sort, a filter) and applied to the new rows, as DevTools keeps its expanded nodes through a sort. A row is
 * found again by its value in the model's sorted arrays ({@link PagedTreeItem#positionOf}), never by scanning tree
 * items; one the new order puts beyond the first {@value #KEEP_PAGES} pages of its list, or that the new rows no
 * longer hold, stays closed.
 *
 * <p>Walks only the rows the user opened, with an explicit stack (no recursion). FX thread, like the trees.
 */
public final class TreeState {
    /** How deep into one list a row is reopened: each page before it costs a hundred tree items. */
    public static final int KEEP_PAGES = 10;

    private final List<List<HeapRow>> open;
    private final List<HeapRow> selected;

    private TreeState(List<List<HeapRow>> open, List<HeapRow> selected) {
        this.open = open;
        this.selected = selected;
    }

    /** The open rows below {@code root} (parents first) and the path of {@code selected} ({@code null}: none). */
    public static TreeState of(TreeItem<HeapRow> root, TreeItem<HeapRow> selected) {
        if (root == null) {
            return new TreeState(List.of(), null);
        }
        List<List<HeapRow>> open = new ArrayList<>();
        Deque<TreeItem<HeapRow>> stack = new ArrayDeque<>();
        pushOpenChildren(root, stack);
        while (!stack.isEmpty()) {
            TreeItem<HeapRow> item = stack.pop();
            open.add(pathOf(item, root));
            pushOpenChildren(item, stack);
        }
        return new TreeState(open, selected == null ? null : pathOf(selected, root));
    }

    /** How many rows were open. */
    public int openCount() {
        return open.size();
    }

    /** Opens in {@code root} the rows that were open; returns the row that was selected, if it is found. */
    public TreeItem<HeapRow> applyTo(TreeItem<HeapRow> root) {
        for (List<HeapRow> path : open) {
            TreeItem<HeapRow> item = find(root, path);
            if (item != null) {
                item.setExpanded(true);
            }
        }
        TreeItem<HeapRow> found = selected == null ? null : find(root, selected);
        if (found != null) {
            for (TreeItem<HeapRow> parent = found.getParent(); parent != null; parent = parent.getParent()) {
                parent.setExpanded(true);
            }
        }
        return found;
    }

    private static void pushOpenChildren(TreeItem<HeapRow> item, Deque<TreeItem<HeapRow>> stack) {
        if (item instanceof PagedTreeItem<HeapRow> paged && !paged.childrenMade()) {
            return;
        }
        List<TreeItem<HeapRow>> children = item.getChildren();
        // Pushed last to first, so they pop in the tree's order.
        for (int i = children.size() - 1; i >= 0; i--) {
            TreeItem<HeapRow> child = children.get(i);
            if (child.isExpanded() && !child.isLeaf()) {
                stack.push(child);
            }
        }
    }

    /** The values from below {@code root} down to {@code item}. */
    private static List<HeapRow> pathOf(TreeItem<HeapRow> item, TreeItem<HeapRow> root) {
        List<HeapRow> path = new ArrayList<>();
        for (TreeItem<HeapRow> at = item; at != null && at != root; at = at.getParent()) {
            path.add(at.getValue());
        }
        Collections.reverse(path);
        return path;
    }

    /** The row at {@code path} below {@code root}, making the pages up to each step; null where it is not found. */
    private static TreeItem<HeapRow> find(TreeItem<HeapRow> root, List<HeapRow> path) {
        TreeItem<HeapRow> item = root;
        for (HeapRow value : path) {
            if (!(item instanceof PagedTreeItem<HeapRow> paged)) {
                return null;
            }
            int index = paged.positionOf(value);
            if (index < 0 || index >= KEEP_PAGES * PagedTreeItem.PAGE_SIZE) {
                return null;
            }
            item = paged.showThrough(index);
        }
        return item;
    }
}
