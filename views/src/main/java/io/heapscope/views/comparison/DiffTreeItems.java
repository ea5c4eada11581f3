package io.heapscope.views.comparison;

import io.heapscope.model.format.HeapText;
import io.heapscope.views.comparison.DiffItem.ClassItem;
import io.heapscope.views.comparison.DiffItem.GroupItem;
import io.heapscope.views.comparison.DiffItem.MoreItem;
import io.heapscope.views.comparison.DiffItem.ObjectItem;
import io.heapscope.views.tree.PagedTreeItem;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TreeItem;

/**
 * The Comparison tree's items, made on demand: a class's groups when it is expanded, a group's objects a page at a
 * time ({@link PagedTreeItem}). A class with a million new objects costs a hundred tree items until the user asks
 * for more.
 */
final class DiffTreeItems {
    static final int PAGE = PagedTreeItem.PAGE_SIZE;

    private final Comparison comparison;

    DiffTreeItems(Comparison comparison) {
        this.comparison = comparison;
    }

    TreeItem<DiffItem> classItem(int row) {
        var diff = comparison.classes().row(row);
        List<GroupItem> groups = new ArrayList<>(2);
        if (diff.newCount() > 0) {
            groups.add(new GroupItem(row, true, diff.newCount()));
        }
        if (diff.deletedCount() > 0) {
            groups.add(new GroupItem(row, false, diff.deletedCount()));
        }
        // Two groups at most: the "more" row never shows.
        return new PagedTreeItem<>(new ClassItem(row, diff), groups.size(), i -> groupItem(groups.get(i)),
                remaining -> null);
    }

    private TreeItem<DiffItem> groupItem(GroupItem group) {
        return new PagedTreeItem<>(group, group.count(), i -> objectItem(group, i),
                remaining -> new MoreItem(group.row(), group.added(), group.count() - remaining, remaining));
    }

    private TreeItem<DiffItem> objectItem(GroupItem group, int index) {
        int node = (group.added() ? comparison.classes().newObjects(group.row(), index, index + 1)
                : comparison.classes().deletedObjects(group.row(), index, index + 1))[0];
        ComparedSnapshot side = group.added() ? comparison.target() : comparison.base();
        return new TreeItem<>(new ObjectItem(node, group.added(), HeapText.node(side.snapshot().graph(), node),
                side.analysis().shallowSize(node)));
    }

    /** Replaces a "more" row, a child of its group's item, with the next page. */
    void showMore(TreeItem<DiffItem> moreItem) {
        if (moreItem.getValue() instanceof MoreItem && moreItem.getParent() instanceof PagedTreeItem<DiffItem> group) {
            group.showMore();
        }
    }
}
