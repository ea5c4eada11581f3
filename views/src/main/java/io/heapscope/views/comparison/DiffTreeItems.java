package io.heapscope.views.comparison;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.views.comparison.DiffItem.ClassItem;
import io.heapscope.views.comparison.DiffItem.GroupItem;
import io.heapscope.views.comparison.DiffItem.MoreItem;
import io.heapscope.views.comparison.DiffItem.ObjectItem;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Comparison tree's items, made on demand: a class's groups when it is expanded, a group's objects a page at a
 * time. A class with a million new objects costs a hundred tree items until the user asks for more.
 */
final class DiffTreeItems {
    static final int PAGE = 100;

    private final Comparison comparison;

    DiffTreeItems(Comparison comparison) {
        this.comparison = comparison;
    }

    TreeItem<DiffItem> classItem(int row) {
        var diff = comparison.classes().row(row);
        return new LazyItem(new ClassItem(row, diff), () -> {
            List<TreeItem<DiffItem>> groups = new ArrayList<>(2);
            if (diff.newCount() > 0) {
                groups.add(groupItem(new GroupItem(row, true, diff.newCount())));
            }
            if (diff.deletedCount() > 0) {
                groups.add(groupItem(new GroupItem(row, false, diff.deletedCount())));
            }
            return groups;
        });
    }

    private TreeItem<DiffItem> groupItem(GroupItem group) {
        return new LazyItem(group, () -> page(group.row(), group.added(), 0, group.count()));
    }

    /** Objects {@code from} to {@code from + PAGE} of a group, and a "more" row for the rest. */
    private List<TreeItem<DiffItem>> page(int row, boolean added, int from, int count) {
        int to = Math.min(count, from + PAGE);
        int[] nodes = added ? comparison.classes().newObjects(row, from, to)
                : comparison.classes().deletedObjects(row, from, to);
        ComparedSnapshot side = added ? comparison.target() : comparison.base();
        HeapGraph graph = side.snapshot().graph();
        List<TreeItem<DiffItem>> items = new ArrayList<>(nodes.length + 1);
        for (int node : nodes) {
            items.add(new TreeItem<>(new ObjectItem(node, added, objectText(graph, node),
                    side.analysis().shallowSize(node))));
        }
        if (to < count) {
            items.add(new TreeItem<>(new MoreItem(row, added, to, count - to)));
        }
        return items;
    }

    /** Replaces a "more" row, a child of its group's item, with the next page. */
    void showMore(TreeItem<DiffItem> moreItem) {
        if (!(moreItem.getValue() instanceof MoreItem more) || moreItem.getParent() == null) {
            return;
        }
        ObservableList<TreeItem<DiffItem>> siblings = moreItem.getParent().getChildren();
        int at = siblings.indexOf(moreItem);
        siblings.remove(at);
        siblings.addAll(at, page(more.row(), more.added(), more.from(), more.from() + more.remaining()));
    }

    static String objectText(HeapGraph graph, int node) {
        String name = graph.nodeName(node);
        if (name.isEmpty()) {
            name = "(" + graph.nodeTypeName(node) + ")";
        }
        name = name.replace('\n', ' ');
        if (name.length() > 100) {
            name = name.substring(0, 100) + "…";
        }
        return name + " @" + graph.nodeId(node);
    }

    /** A tree item whose children are made the first time someone asks for them. */
    private static final class LazyItem extends TreeItem<DiffItem> {
        private Supplier<List<TreeItem<DiffItem>>> children;

        LazyItem(DiffItem value, Supplier<List<TreeItem<DiffItem>>> children) {
            super(value);
            this.children = children;
        }

        @Override
        public boolean isLeaf() {
            return false;
        }

        @Override
        public ObservableList<TreeItem<DiffItem>> getChildren() {
            if (children != null) {
                Supplier<List<TreeItem<DiffItem>>> make = children;
                children = null;
                super.getChildren().setAll(make.get());
            }
            return super.getChildren();
        }
    }
}
