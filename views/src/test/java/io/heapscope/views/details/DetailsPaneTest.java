package io.heapscope.views.details;

import static io.heapscope.views.heap.Samples.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.views.export.CopyShortcut;
import io.heapscope.views.heap.Samples;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Details of one object: its numbers, and its dominator chain as links. */
class DetailsPaneTest {
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
    void showsTheNumbersAndTheDominatorChainUpToTheRoot() throws Exception {
        HeapGraph graph = analysis.graph();
        // The deepest object a user root reaches within 20 steps: a chain of several dominators.
        int node = -1;
        for (int candidate = 1; candidate < graph.nodeCount(); candidate++) {
            int distance = analysis.distance(candidate);
            if (distance >= 1 && distance < 20 && (node < 0 || distance > analysis.distance(node))) {
                node = candidate;
            }
        }
        int shown = node;
        List<Integer> chosen = new ArrayList<>();
        var stage = FxToolkit.registerPrimaryStage();
        DetailsPane pane = onFx(() -> {
            DetailsPane built = new DetailsPane(analysis);
            built.setOnNodeChosen(chosen::add);
            stage.setScene(new Scene(built, 320, 600));
            stage.show();
            built.show(shown);
            return built;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("@" + graph.nodeId(shown), text(pane, "#details-id"));
        assertEquals(graph.nodeTypeName(shown), text(pane, "#details-type"));
        assertTrue(text(pane, "#details-retained").startsWith(ByteSizes.human(analysis.retainedSize(shown))));
        assertEquals(Integer.toString(analysis.distance(shown)), text(pane, "#details-distance"));
        List<Hyperlink> links = onFx(() -> pane.lookupAll(".details-chain-link").stream()
                .map(link -> (Hyperlink) link).toList());
        List<Integer> chain = new ArrayList<>();
        for (int at = analysis.dominator(shown); ; at = analysis.dominator(at)) {
            chain.add(at);
            if (at == 0) {
                break;
            }
        }
        assertEquals(chain.size(), links.size());
        assertEquals("(root) @" + graph.nodeId(0), links.get(links.size() - 1).getText());

        onFx(() -> links.get(0).fire());
        assertEquals(List.of(analysis.dominator(shown)), chosen);

        // Ctrl+Shift+C in the pane: the object's path to the root, a line per hop, the object first.
        onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().clear());
        onFx(() -> pane.lookup(".scroll-pane").requestFocus());
        String copied = CopyShortcut.pressAndReadClipboard();
        var path = new io.heapscope.model.analysis.Retainers(analysis).shortestPath(shown);
        List<String> lines = copied.lines().toList();
        // One line per hop but the root's.
        assertEquals(path.size() - 1, lines.size(), copied);
        assertTrue(lines.get(0).startsWith("- `" + io.heapscope.model.format.HeapText.node(graph, shown) + "` \u00b7 "
                + "distance " + analysis.distance(shown) + " \u00b7 shallow "), lines.get(0));
        int holder = path.get(path.size() - 2).node();
        assertTrue(lines.get(1).startsWith("  - `" + io.heapscope.model.format.HeapText.edge(graph,
                path.get(path.size() - 1).edge()) + "` in `" + io.heapscope.model.format.HeapText.node(graph, holder)
                + "`"), lines.get(1));
    }

    private static String text(DetailsPane pane, String id) throws Exception {
        return onFx(() -> ((Labeled) pane.lookup(id)).getText());
    }
}
