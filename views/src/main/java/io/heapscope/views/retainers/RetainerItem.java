package io.heapscope.views.retainers;

import io.heapscope.model.analysis.Retainers;
import io.heapscope.model.analysis.Retainers.Retainer;
import io.heapscope.views.retainers.RetainerRow.MoreRow;
import io.heapscope.views.retainers.RetainerRow.ObjectRow;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * An object of the Retainers tree whose children are its retainers, listed only when the tree first asks whether it
 * has any, and made a page at a time: after each page a {@link MoreRow} stands for the rest until {@link #showMore()}.
 * Children come in DevTools' retainer order, except that a path opened through {@link #child} puts its hop first.
 * A retainer already on the branch above becomes a leaf marked as a cycle, so expanding never loops; nothing beyond
 * what the user opens is visited.
 *
 * <p>FX thread only, like every tree item. Cost: listing is linear in the object's retainers.
 */
final class RetainerItem extends TreeItem<RetainerRow> {
    static final int PAGE_SIZE = 100;

    private final Retainers retainers;
    /** The retainers DevTools lists; {@code null} until first needed. */
    private List<Retainer> list;
    /** Children made so far; {@code -1} until the first request. */
    private int made = -1;

    RetainerItem(Retainers retainers, ObjectRow row) {
        super(row);
        this.retainers = retainers;
    }

    ObjectRow row() {
        return (ObjectRow) getValue();
    }

    @Override
    public boolean isLeaf() {
        return row().cycle() || retainers().isEmpty();
    }

    @Override
    public ObservableList<TreeItem<RetainerRow>> getChildren() {
        ObservableList<TreeItem<RetainerRow>> children = super.getChildren();
        if (made < 0) {
            made = 0;
            if (!row().cycle()) {
                children.setAll(nextPage());
            }
        }
        return children;
    }

    /** How many retainers the object has (all of them, not only the ones made). */
    int retainerCount() {
        return row().cycle() ? 0 : retainers().size();
    }

    /** Replaces the "more" row with the next page of retainers (and a new "more" row if some are still left). */
    void showMore() {
        ObservableList<TreeItem<RetainerRow>> children = getChildren();
        if (made >= retainerCount()) {
            return;
        }
        List<TreeItem<RetainerRow>> page = nextPage();
        // The page's first item takes the "more" row's place, so the rows above keep their positions.
        children.set(children.size() - 1, page.get(0));
        children.addAll(page.subList(1, page.size()));
    }

    /**
     * The child for the retainer {@code owner} holding this object through {@code edge}, or {@code null} if the list
     * leaves that edge out. Before the first page is made, that retainer moves to the front, so opening a path costs
     * one page per level even when DevTools' order puts the hop thousands of rows down; after, the pages up to it
     * are made.
     */
    RetainerItem child(int owner, int edge) {
        if (row().cycle()) {
            return null;
        }
        Retainer wanted = new Retainer(owner, edge);
        int index = retainers().indexOf(wanted);
        if (index < 0) {
            return null;
        }
        if (made < 0 && index > 0) {
            list = new ArrayList<>(list);
            list.remove(index);
            list.add(0, wanted);
            index = 0;
        }
        getChildren();
        while (made <= index) {
            showMore();
        }
        return (RetainerItem) super.getChildren().get(index);
    }

    private List<Retainer> retainers() {
        if (list == null) {
            list = retainers.of(row().node());
        }
        return list;
    }

    private List<TreeItem<RetainerRow>> nextPage() {
        List<Retainer> all = retainers();
        int end = Math.min(all.size(), made + PAGE_SIZE);
        List<TreeItem<RetainerRow>> page = new ArrayList<>(end - made + 1);
        for (int i = made; i < end; i++) {
            Retainer retainer = all.get(i);
            page.add(new RetainerItem(retainers, new ObjectRow(retainer.owner(), retainer.edge(),
                    onBranch(retainer.owner()))));
        }
        made = end;
        if (made < all.size()) {
            page.add(new TreeItem<>(new MoreRow(all.size() - made)));
        }
        return page;
    }

    /** Whether {@code node} is this object or one below it on the branch (the objects it is known to hold). */
    private boolean onBranch(int node) {
        for (TreeItem<RetainerRow> item = this; item != null; item = item.getParent()) {
            if (item.getValue() instanceof ObjectRow row && row.node() == node) {
                return true;
            }
        }
        return false;
    }
}
