package io.heapscope.views.retainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.Retainers;
import io.heapscope.model.format.HeapText;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.modules.JsModule;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.modules.ModuleState;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.SnapshotReader;
import io.heapscope.views.export.CopyShortcut;
import io.heapscope.views.retainers.RetainerRow.MoreRow;
import io.heapscope.views.retainers.RetainerRow.ObjectRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Retainers tool window over the hot-reload leak sample, shown on a headless stage in the app's theme. */
class RetainersPaneTest {
    private static HeapAnalysis analysis;
    private static ModuleGraph modules;

    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void load() throws Exception {
        FxToolkit.registerPrimaryStage();
        onFx(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        Path file = Path.of("..", "samples", "snapshots", "cjs-hot-reload-leak.heapsnapshot.gz");
        analysis = HeapAnalysis.analyze(SnapshotReader.read(file, ProgressMonitor.none()), ProgressMonitor.none());
        modules = ModuleGraph.compute(analysis, ProgressMonitor.none());
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aZombieModuleOpensAlongItsShortestPathToTheRoot() throws Exception {
        JsModule zombie = modules.inState(ModuleState.ZOMBIE).get(0);
        HeapGraph graph = analysis.graph();
        RetainersPane pane = show(zombie.node());

        assertEquals("Retainers of Module @" + graph.nodeId(zombie.node()),
                onFx(() -> ((Labeled) pane.lookup("#retainers-title")).getText()));
        TreeItem<RetainerRow> root = onFx(() -> pane.tree().getRoot());
        List<String> first = onFx(() -> texts(pane, root));
        assertEquals(new Retainers(analysis).of(zombie.node()).size(), first.size());
        // The hot-reload loop keeps each old module in the main module's children array.
        TreeItem<RetainerRow> array = onFx(() -> expandedChild(root));
        String arrayText = onFx(() -> pane.text(array.getValue()));
        assertTrue(arrayText.matches("\\[\\d+] in Array @6165"), arrayText);
        TreeItem<RetainerRow> parent = onFx(() -> expandedChild(array));
        assertEquals("children in Module @6181", onFx(() -> pane.text(parent.getValue())));
        // Only the path is open: the other retainers of the zombie stay closed.
        assertEquals(1, onFx(() -> root.getChildren().stream().filter(TreeItem::isExpanded).count()));

        // On screen: the rows, with DevTools' distance and human-readable sizes.
        waitFor(() -> labels(pane).contains("Array @6165"));
        List<String> cells = onFx(() -> robot.from(pane).lookup(".tree-table-cell").queryAll().stream()
                .filter(node -> node instanceof Labeled).map(node -> ((Labeled) node).getText()).toList());
        assertTrue(cells.contains(Integer.toString(analysis.distance(graph.ordinalOfId(6165)))), cells::toString);
        assertTrue(cells.stream().anyMatch(text -> text != null && text.matches("[\\d.]+ (B|kB|MB)")),
                cells::toString);
    }

    @Test
    void anObjectAlreadyOnTheBranchIsALeafMarkedAsACycle() throws Exception {
        JsModule zombie = modules.inState(ModuleState.ZOMBIE).get(0);
        RetainersPane pane = show(zombie.node());

        // Open the first levels breadth-first until some retainer is one already on its branch.
        TreeItem<RetainerRow> cycle = onFx(() -> {
            Deque<TreeItem<RetainerRow>> queue = new ArrayDeque<>(List.of(pane.tree().getRoot()));
            for (int visited = 0; !queue.isEmpty() && visited < 2_000; visited++) {
                TreeItem<RetainerRow> item = queue.poll();
                for (TreeItem<RetainerRow> child : item.getChildren()) {
                    if (child.getValue() instanceof ObjectRow row && row.cycle()) {
                        return child;
                    }
                    queue.add(child);
                }
            }
            return null;
        });
        assertTrue(cycle != null, "no cycle within the first levels");
        assertTrue(onFx(() -> pane.text(cycle.getValue())).endsWith(" (cycle)"));
        assertTrue(cycle.isLeaf());
        assertTrue(onFx(() -> cycle.getChildren().isEmpty()));
        int node = ((ObjectRow) cycle.getValue()).node();
        boolean onBranch = false;
        for (TreeItem<RetainerRow> item = cycle.getParent(); item != null; item = item.getParent()) {
            onBranch |= ((ObjectRow) item.getValue()).node() == node;
        }
        assertTrue(onBranch);
    }

    @Test
    void anObjectWithManyRetainersShowsThemAPageAtATime() throws Exception {
        HeapGraph graph = analysis.graph();
        Retainers retainers = new Retainers(analysis);
        int busiest = 1;
        for (int node = 1; node < graph.nodeCount(); node++) {
            if (graph.retainerEnd(node) - graph.retainerStart(node)
                    > graph.retainerEnd(busiest) - graph.retainerStart(busiest)) {
                busiest = node;
            }
        }
        int count = retainers.of(busiest).size();
        assertTrue(count > 2 * RetainerItem.PAGE_SIZE, "only " + count + " retainers");
        int node = busiest;
        RetainersPane pane = show(node);
        TreeItem<RetainerRow> root = onFx(() -> pane.tree().getRoot());
        // Its shortest path's hop is far down DevTools' order; it moves to the front, so one page is made.
        assertTrue(onFx(() -> root.getChildren().get(0).isExpanded()));
        assertEquals(RetainerItem.PAGE_SIZE + 1, onFx(() -> root.getChildren().size()));
        assertEquals(new MoreRow(count - RetainerItem.PAGE_SIZE), onFx(() -> root.getChildren().get(RetainerItem.PAGE_SIZE).getValue()));

        onFx(() -> pane.tree().scrollTo(RetainerItem.PAGE_SIZE));
        waitFor(() -> !robot.from(pane).lookup(".hyperlink").queryAll().stream()
                .filter(link -> link.isVisible()).toList().isEmpty());
        Hyperlink more = onFx(() -> robot.from(pane).lookup(".hyperlink").queryAll().stream()
                .filter(link -> link.isVisible()).map(link -> (Hyperlink) link).findFirst().orElseThrow());
        assertEquals("Show 100 more", more.getText());
        onFx(more::fire);

        assertEquals(2 * RetainerItem.PAGE_SIZE + 1, onFx(() -> root.getChildren().size()));
        assertEquals(new MoreRow(count - 2 * RetainerItem.PAGE_SIZE),
                onFx(() -> root.getChildren().get(2 * RetainerItem.PAGE_SIZE).getValue()));
        // The rest keep DevTools' order, less the hop moved to the front.
        List<Retainers.Retainer> rest = new java.util.ArrayList<>(retainers.of(node));
        List<Retainers.Hop> path = retainers.shortestPath(node);
        rest.remove(new Retainers.Retainer(path.get(path.size() - 2).node(), path.get(path.size() - 1).edge()));
        List<Retainers.Retainer> shown = onFx(() -> root.getChildren().stream().skip(1)
                .limit(2 * RetainerItem.PAGE_SIZE - 1).map(item -> (ObjectRow) item.getValue())
                .map(row -> new Retainers.Retainer(row.node(), row.edge())).toList());
        assertEquals(rest.subList(0, 2 * RetainerItem.PAGE_SIZE - 1), shown);
    }

    @Test
    void minusOneClearsTheView() throws Exception {
        JsModule zombie = modules.inState(ModuleState.ZOMBIE).get(0);
        RetainersPane pane = show(zombie.node());

        onFx(() -> pane.show(-1));

        assertNull(onFx(() -> pane.tree().getRoot()));
        assertEquals(-1, pane.shownNode());
        assertEquals("Retainers", onFx(() -> ((Labeled) pane.lookup("#retainers-title")).getText()));
        assertEquals("Select an object to see what holds it",
                onFx(() -> ((Labeled) pane.tree().getPlaceholder()).getText()));
    }

    @Test
    void theChainThroughTheSelectedRetainerCopiesAsMarkdownLinesToTheRoot() throws Exception {
        JsModule zombie = modules.inState(ModuleState.ZOMBIE).get(0);
        HeapGraph graph = analysis.graph();
        RetainersPane pane = show(zombie.node());
        // The deepest row opened: the end of the shortest path, so the chain is that path.
        int top = new Retainers(analysis).shortestPath(zombie.node()).get(1).node();
        TreeItem<RetainerRow> deepest = onFx(() -> {
            TreeItem<RetainerRow> item = pane.tree().getRoot();
            for (boolean deeper = true; deeper; ) {
                deeper = false;
                for (TreeItem<RetainerRow> child : item.getChildren()) {
                    if (child.isExpanded()) {
                        item = child;
                        deeper = true;
                        break;
                    }
                }
            }
            return item.getChildren().stream().filter(child -> child.getValue() instanceof RetainerRow.ObjectRow o
                    && o.node() == top).findFirst().orElseThrow();
        });
        onFx(() -> {
            pane.tree().getSelectionModel().select(deepest);
            pane.tree().requestFocus();
        });
        onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().clear());

        String copied = CopyShortcut.pressAndReadClipboard();
        Retainers retainers = new Retainers(analysis);
        assertEquals(io.heapscope.model.report.RetainerChainMarkdown.text(retainers.shortestPath(zombie.node()), graph,
                analysis), copied);
        List<String> lines = copied.lines().toList();
        assertTrue(lines.get(0).startsWith("- `Module @" + graph.nodeId(zombie.node()) + "` \u00b7 distance "),
                lines.get(0));
        assertTrue(lines.get(1).matches("  - `\\[\\d+]` in `Array @6165` .*"), lines.get(1));
        assertTrue(lines.get(2).startsWith("    - `children` in `Module @6181` "), lines.get(2));

        // A retainer off the path: the chain goes through it, then on along its own way to the root.
        TreeItem<RetainerRow> other = onFx(() -> pane.tree().getRoot().getChildren().stream()
                .filter(item -> !item.isExpanded() && item.getValue() instanceof RetainerRow.ObjectRow)
                .findFirst().orElse(null));
        if (other != null) {
            onFx(() -> pane.tree().getSelectionModel().select(other));
            String through = onFx(pane::pathMarkdown);
            assertTrue(through.lines().toList().get(1).startsWith("  - `"
                    + HeapText.edge(graph, ((RetainerRow.ObjectRow) other.getValue()).edge()) + "` in `"
                    + HeapText.node(graph, ((RetainerRow.ObjectRow) other.getValue()).node()) + "`"), through);
        }
    }

    private static TreeItem<RetainerRow> expandedChild(TreeItem<RetainerRow> item) {
        List<TreeItem<RetainerRow>> open = item.getChildren().stream().filter(TreeItem::isExpanded).toList();
        assertEquals(1, open.size(), () -> "expanded: " + open);
        return open.get(0);
    }

    private static List<String> texts(RetainersPane pane, TreeItem<RetainerRow> item) {
        return item.getChildren().stream().map(child -> pane.text(child.getValue())).toList();
    }

    private List<String> labels(RetainersPane pane) throws Exception {
        return onFx(() -> robot.from(pane).lookup(".label").queryAll().stream()
                .map(node -> ((Labeled) node).getText()).toList());
    }

    private RetainersPane show(int node) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        RetainersPane pane = onFx(() -> {
            RetainersPane built = new RetainersPane(analysis);
            stage.setScene(new Scene(built, 1100, 500));
            stage.show();
            built.show(node);
            return built;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return pane;
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        for (int i = 0; i < 100 && !condition.call(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.call());
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get();
    }

    private static void onFx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get();
    }
}
