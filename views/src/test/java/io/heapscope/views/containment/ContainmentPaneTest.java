package io.heapscope.views.containment;

import static io.heapscope.views.heap.Samples.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.views.heap.HeapRow;
import io.heapscope.views.heap.HeapRow.ObjectEntry;
import io.heapscope.views.heap.Samples;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Containment view over the global-array leak sample: the root's edges, expanded by retained size. */
class ContainmentPaneTest {
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
    void theRootsEdgesExpandToTheirTargetsEdgesBiggestRetainedFirst() throws Exception {
        ContainmentPane pane = show();
        HeapGraph graph = analysis.graph();

        List<TreeItem<HeapRow>> top = onFx(() -> List.copyOf(pane.tree().getRoot().getChildren()));
        assertEquals(graph.edgeEnd(0) - graph.edgeStart(0), top.size());
        assertSortedByRetained(top);
        for (TreeItem<HeapRow> item : top) {
            ObjectEntry entry = (ObjectEntry) item.getValue();
            assertEquals(0, entry.edge() >= graph.edgeStart(0) && entry.edge() < graph.edgeEnd(0) ? 0 : 1);
            assertEquals(graph.edgeTarget(entry.edge()), entry.node());
        }
        TreeItem<HeapRow> biggest = top.get(0);
        List<TreeItem<HeapRow>> below = onFx(() -> {
            biggest.setExpanded(true);
            return List.copyOf(biggest.getChildren());
        });
        assertTrue(!below.isEmpty());
        assertSortedByRetained(below.stream().filter(item -> item.getValue() instanceof ObjectEntry).toList());
    }

    @Test
    void revealOpensTheShortestPathFromTheRoot() throws Exception {
        ContainmentPane pane = show();
        HeapGraph graph = analysis.graph();
        // The leaking array: the biggest Array the global object holds.
        int array = -1;
        for (int node = 0; node < graph.nodeCount(); node++) {
            if ("Array".equals(graph.nodeName(node)) && (array < 0
                    || analysis.retainedSize(node) > analysis.retainedSize(array))) {
                array = node;
            }
        }
        int leak = array;

        assertTrue(onFx(() -> pane.reveal(leak)));

        assertEquals(leak, pane.getSelectedNode());
        TreeItem<HeapRow> selected = onFx(() -> pane.tree().getSelectionModel().getSelectedItem());
        int depth = 0;
        for (TreeItem<HeapRow> item = selected; item.getParent() != null; item = item.getParent()) {
            depth++;
        }
        assertEquals(analysis.distance(leak), depth);
    }

    private static void assertSortedByRetained(List<TreeItem<HeapRow>> items) {
        for (int i = 1; i < items.size(); i++) {
            assertTrue(analysis.retainedSize(((ObjectEntry) items.get(i - 1).getValue()).node())
                    >= analysis.retainedSize(((ObjectEntry) items.get(i).getValue()).node()), "row " + i);
        }
    }

    private static ContainmentPane show() throws Exception {
        var stage = FxToolkit.registerPrimaryStage();
        ContainmentPane pane = onFx(() -> {
            ContainmentPane built = new ContainmentPane(analysis);
            stage.setScene(new Scene(built, 1000, 600));
            stage.show();
            return built;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return pane;
    }
}
