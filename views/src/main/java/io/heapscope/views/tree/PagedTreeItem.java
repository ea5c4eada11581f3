package io.heapscope.views.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;
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

    /** {@code -1} until {@link #countChildren} has run (lazy items only). */
    private int childCount;
    private final IntSupplier countChildren;
    /** What {@link #isLeaf} says before a lazy item has counted its children. */
    private final boolean leafBeforeCount;
    private final IntFunction<TreeItem<T>> child;
    private final IntFunction<T> more;
    /** Children made so far; {@code -1} until the first request. */
    private int made = -1;
    private ToIntFunction<T> positionOf = value -> -1;

    /**
     * @param childCount how many children the item has
     * @param child      makes the item of the child at an index in {@code [0, childCount)}
     * @param more       the value of the row that stands for the children not made yet, given how many they are
     */
    public PagedTreeItem(T value, int childCount, IntFunction<TreeItem<T>> child, IntFunction<T> more) {
        super(value);
        this.childCount = childCount;
        this.countChildren = null;
        this.leafBeforeCount = childCount == 0;
        this.child = child;
        this.more = more;
    }

    /**
     * An item whose children are listed (and counted) only when the tree first asks for them: an object's edges are
     * filtered and sorted, which is not worth doing for each of a hundred rows nobody opens.
     *
     * @param leaf          whether the item shows as a leaf until then (a cheap guess, such as "has any edge")
     * @param countChildren lists the children, returning how many there are; called once, on first request
     */
    public PagedTreeItem(T value, boolean leaf, IntSupplier countChildren, IntFunction<TreeItem<T>> child,
                         IntFunction<T> more) {
        super(value);
        this.childCount = -1;
        this.countChildren = countChildren;
        this.leafBeforeCount = leaf;
        this.child = child;
        this.more = more;
    }

    @Override
    public boolean isLeaf() {
        return childCount < 0 ? leafBeforeCount : childCount == 0;
    }

    /** How many children the item has (all of them, not only the ones made); lists them on a lazy item. */
    public int childCount() {
        if (childCount < 0) {
            childCount = countChildren.getAsInt();
        }
        return childCount;
    }

    @Override
    public ObservableList<TreeItem<T>> getChildren() {
        ObservableList<TreeItem<T>> children = super.getChildren();
        if (made < 0) {
            made = 0;
            childCount();
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

    /**
     * The item of the child at {@code index}, making the pages up to it: how a view reveals an object deep in a list.
     * Costs a tree item per child before it, so callers keep {@code index} to a few pages.
     */
    public TreeItem<T> showThrough(int index) {
        ObservableList<TreeItem<T>> children = getChildren();
        if (index < 0 || index >= childCount) {
            throw new IndexOutOfBoundsException(index);
        }
        while (made <= index) {
            showMore();
        }
        return children.get(index);
    }

    /**
     * Lets {@link #positionOf} find a child by its value in the model's list (an index into the sorted array the
     * children are made from), so a view can reopen a row after rebuilding its tree without making its siblings.
     *
     * @param positionOf the index of the child with a value among all the children, made or not, or -1; called
     *                   only after the children were listed
     * @return this item
     */
    public PagedTreeItem<T> findingChildrenBy(ToIntFunction<T> positionOf) {
        this.positionOf = java.util.Objects.requireNonNull(positionOf, "positionOf");
        return this;
    }

    /** The index of the child whose value is {@code value} (made or not), or -1; lists the children if needed. */
    public int positionOf(T value) {
        if (childCount() == 0) {
            return -1;
        }
        return positionOf.applyAsInt(value);
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
