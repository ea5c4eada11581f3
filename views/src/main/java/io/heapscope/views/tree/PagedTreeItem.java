package io.heapscope.views.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * A tree item whose children are made only when the tree first asks for them, and then a page at a time: after each
 * page a "more" row ({@code more.apply(remaining)}) stands for the rest until {@link #showMore()} replaces it with
 * the next page. A module can have thousands of children (a hot-reload loop pushes one per reload) and the graph
 * can have cycles, so nothing is made ahead of the user. The views' trees (modules, comparison) page this way.
 *
 * <p>FX thread only, like every tree item.
 */
public final class PagedTreeItem<T> extends TreeItem<T> {
    public static final int PAGE_SIZE = 100;

    private final int childCount;
    private final IntFunction<TreeItem<T>> child;
    private final IntFunction<T> more;
    /** Children made so far; {@code -1} until the first request. */
    private int made = -1;

    /**
     * @param childCount how many children the item has
     * @param child      makes the item of the child at an index in {@code [0, childCount)}
     * @param more       the value of the row that stands for the children not made yet, given how many they are
     */
    public PagedTreeItem(T value, int childCount, IntFunction<TreeItem<T>> child, IntFunction<T> more) {
        super(value);
        this.childCount = childCount;
        this.child = child;
        this.more = more;
    }

    @Override
    public boolean isLeaf() {
        return childCount == 0;
    }

    @Override
    public ObservableList<TreeItem<T>> getChildren() {
        ObservableList<TreeItem<T>> children = super.getChildren();
        if (made < 0) {
            made = 0;
            children.setAll(nextPage());
        }
        return children;
    }

    /** Replaces the "more" row with the next page of children (and a new "more" row if some are still left). */
    public void showMore() {
        ObservableList<TreeItem<T>> children = getChildren();
        if (made >= childCount) {
            return;
        }
        List<TreeItem<T>> page = nextPage();
        // The page's first item takes the "more" row's place, so the rows above keep their positions.
        children.set(children.size() - 1, page.get(0));
        children.addAll(page.subList(1, page.size()));
    }

    /** True once the tree (or anyone) asked for the children: until then none is made. */
    public boolean childrenMade() {
        return made >= 0;
    }

    private List<TreeItem<T>> nextPage() {
        int end = Math.min(childCount, made + PAGE_SIZE);
        List<TreeItem<T>> page = new ArrayList<>(end - made + 1);
        for (int i = made; i < end; i++) {
            page.add(child.apply(i));
        }
        made = end;
        if (made < childCount) {
            page.add(new TreeItem<>(more.apply(childCount - made)));
        }
        return page;
    }
}
