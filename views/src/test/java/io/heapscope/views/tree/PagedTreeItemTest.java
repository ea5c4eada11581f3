package io.heapscope.views.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

class PagedTreeItemTest {

    @Test
    void makesChildrenOnlyWhenAskedAndThenAPageAtATime() {
        AtomicInteger made = new AtomicInteger();
        PagedTreeItem<String> item = new PagedTreeItem<>("parent", 250, i -> {
            made.incrementAndGet();
            return new TreeItem<>("child " + i);
        }, remaining -> "more " + remaining);

        assertFalse(item.isLeaf());
        assertEquals(0, made.get());

        List<TreeItem<String>> children = item.getChildren();
        assertEquals(PagedTreeItem.PAGE_SIZE + 1, children.size());
        assertEquals("child 0", children.get(0).getValue());
        assertEquals("more 150", children.get(PagedTreeItem.PAGE_SIZE).getValue());
        assertEquals(PagedTreeItem.PAGE_SIZE, made.get());

        item.showMore();
        assertEquals(2 * PagedTreeItem.PAGE_SIZE + 1, children.size());
        assertEquals("child 100", children.get(100).getValue());
        assertEquals("more 50", children.get(children.size() - 1).getValue());

        item.showMore();
        assertEquals(250, children.size());
        assertEquals("child 249", children.get(249).getValue());
        item.showMore();
        assertEquals(250, made.get());
    }

    @Test
    void anItemWithoutChildrenIsALeaf() {
        PagedTreeItem<String> item = new PagedTreeItem<>("leaf", 0, i -> null, remaining -> "more");

        assertTrue(item.isLeaf());
        assertTrue(item.getChildren().isEmpty());
    }
}
