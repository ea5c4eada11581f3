package io.heapscope.views.dominators;

import static io.heapscope.views.heap.Samples.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.views.heap.HeapRow;
import io.heapscope.views.heap.HeapRow.MoreEntry;
import io.heapscope.views.heap.HeapRow.ObjectEntry;
import io.heapscope.views.heap.Samples;
import io.heapscope.views.tree.PagedTreeItem;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The dominator tree of the global-array leak sample: the leaking array alone keeps its 10,000 arrays alive. */
class DominatorsPaneTest {
    private static HeapAnalysis analysis;

    @BeforeAll
    static void load() throws Exception {
        FxToolkit.registerPrimaryStage();
        analysis = Samples.analyze("global-array-leak");
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void childrenAreWhatTheirParentAloneHoldsBiggestRetainedFirstAPageAtATime() throws Exception {
        DominatorsPane pane = show();

        TreeItem<HeapRow> root = onFx(() -> pane.tree().getRoot());
        assertEquals(new ObjectEntry(0, -1), root.getValue());
        List<TreeItem<HeapRow>> top = onFx(root::getChildren);
        assertSorted(top);
        for (TreeItem<HeapRow> child : top) {
            if (child.getValue() instanceof ObjectEntry entry) {
                assertEquals(0, analysis.dominator(entry.node()));
            }
        }

        // The leak: the biggest Array alone holds the 10,000 arrays pushed into it.
        int leak = -1;
        for (int node = 0; node < analysis.graph().nodeCount(); node++) {
            if ("Array".equals(analysis.graph().nodeName(node))
                    && (leak < 0 || analysis.retainedSize(node) > analysis.retainedSize(leak))) {
                leak = node;
            }
        }
        int array = leak;
        assertTrue(onFx(() -> pane.reveal(array)));
        assertEquals(array, pane.getSelectedNode());
        TreeItem<HeapRow> item = onFx(() -> pane.tree().getSelectionModel().getSelectedItem());
        List<TreeItem<HeapRow>> page = onFx(item::getChildren);
        int all = analysis.dominated().end(array) - analysis.dominated().start(array);
        assertTrue(all >= 10_000, "children " + all);
        assertEquals(new MoreEntry(all - PagedTreeItem.PAGE_SIZE), page.get(PagedTreeItem.PAGE_SIZE).getValue());
        assertSorted(page.subList(0, PagedTreeItem.PAGE_SIZE));

        // Revealing one of the array's children opens the chain to it and selects it.
        int child = ((ObjectEntry) page.get(5).getValue()).node();
        assertTrue(onFx(() -> pane.reveal(child)));
        assertEquals(child, pane.getSelectedNode());
    }

    private static void assertSorted(List<TreeItem<HeapRow>> items) {
        for (int i = 1; i < items.size(); i++) {
            if (items.get(i).getValue() instanceof ObjectEntry b) {
                assertTrue(analysis.retainedSize(((ObjectEntry) items.get(i - 1).getValue()).node())
                        >= analysis.retainedSize(b.node()), "row " + i);
            }
        }
    }

    private static DominatorsPane show() throws Exception {
        var stage = FxToolkit.registerPrimaryStage();
        DominatorsPane pane = onFx(() -> {
            DominatorsPane built = new DominatorsPane(analysis);
            stage.setScene(new Scene(built, 1000, 600));
            stage.show();
            return built;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return pane;
    }
}
