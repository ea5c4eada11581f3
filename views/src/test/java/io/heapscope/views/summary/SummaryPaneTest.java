package io.heapscope.views.summary;

import static io.heapscope.views.heap.Samples.onFx;
import static io.heapscope.views.heap.Samples.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.classes.ClassSummary;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.views.export.CopyShortcut;
import io.heapscope.views.heap.HeapClasses;
import io.heapscope.views.heap.HeapRow.ClassEntry;
import io.heapscope.views.heap.HeapRow.MoreEntry;
import io.heapscope.views.heap.HeapRow.ObjectEntry;
import io.heapscope.views.heap.HeapRow;
import io.heapscope.views.heap.Samples;
import io.heapscope.views.tree.PagedTreeItem;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Summary over the global-array leak sample (10,000 arrays in one global array), on a headless stage. */
class SummaryPaneTest {
    private static final String SAMPLE = "global-array-leak";
    private static HeapAnalysis analysis;
    private static HeapClasses classes;

    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void load() throws Exception {
        FxToolkit.registerPrimaryStage();
        onFx(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        analysis = Samples.analyze(SAMPLE);
        classes = HeapClasses.compute(analysis, ProgressMonitor.none());
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void opensOnDevToolsClassesBiggestRetainedSizeFirst() throws Exception {
        SummaryPane pane = show();
        List<String[]> oracle = Samples.oracleClasses(SAMPLE);

        List<TreeItem<HeapRow>> rows = onFx(() -> pane.tree().getRoot().getChildren());
        ClassSummary summary = classes.summary();
        for (int i = 0; i < 5; i++) {
            var row = summary.row(((ClassEntry) rows.get(i).getValue()).row());
            assertEquals(oracle.get(i)[1], row.name(), "row " + i);
            assertEquals(Long.parseLong(oracle.get(i)[4]), row.retainedSizeSum(), "row " + i);
        }
        // On screen: the top class, its count and DevTools' human-readable sizes with a share of the heap.
        waitFor(() -> cellTexts(pane).contains("global"));
        List<String> cells = cellTexts(pane);
        assertTrue(cells.contains("\u00d7" + oracle.get(0)[2]), cells::toString);
        assertTrue(cells.stream().anyMatch(text -> text.matches("[\\d.]+ (kB|MB)")), cells::toString);
        assertTrue(cells.stream().anyMatch(text -> text.matches("[\\d.]+ %")), cells::toString);
        assertTrue(onFx(() -> ((Labeled) pane.lookup("#summary-status")).getText())
                .startsWith(summary.rowCount() + " classes"));
    }

    @Test
    void clickingAColumnHeaderSortsTheClassesByIt() throws Exception {
        SummaryPane pane = show();
        ClassSummary summary = classes.summary();

        Node countHeader = robot.from(pane).lookup(".column-header .label")
                .match((Labeled label) -> "Count".equals(label.getText())).query();
        robot.clickOn(countHeader);
        WaitForAsyncUtils.waitForFxEvents();

        List<Integer> counts = onFx(() -> pane.tree().getRoot().getChildren().stream()
                .filter(item -> item.getValue() instanceof ClassEntry)
                .map(item -> summary.row(((ClassEntry) item.getValue()).row()).count()).toList());
        assertEquals(counts.stream().sorted((a, b) -> b - a).toList(), counts);
        int most = summary.rows().stream().mapToInt(row -> row.count()).max().orElseThrow();
        assertEquals(most, counts.get(0));

        // Again: the other way round, smallest first.
        robot.clickOn(countHeader);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, summary.row(((ClassEntry) onFx(() -> pane.tree().getRoot().getChildren().get(0))
                .getValue()).row()).count());

        onFx(() -> {
            TreeTableColumn<HeapRow, ?> name = pane.tree().getColumns().get(0);
            name.setSortType(TreeTableColumn.SortType.ASCENDING);
            pane.tree().getSortOrder().setAll(List.of(name));
        });
        List<String> names = onFx(() -> pane.tree().getRoot().getChildren().stream()
                .filter(item -> item.getValue() instanceof ClassEntry)
                .map(item -> summary.row(((ClassEntry) item.getValue()).row()).name()).toList());
        assertEquals(names.stream().sorted().toList(), names);
    }

    @Test
    void aClassOpensToItsInstancesByRetainedSizeAPageAtATimeAndAnInstanceToItsEdges() throws Exception {
        SummaryPane pane = show();
        ClassSummary summary = classes.summary();
        int arrayRow = summary.rowOfKey(",Array");
        TreeItem<HeapRow> array = onFx(() -> pane.tree().getRoot().getChildren().stream()
                .filter(item -> item.getValue().equals(new ClassEntry(arrayRow))).findFirst().orElseThrow());

        List<TreeItem<HeapRow>> instances = onFx(() -> {
            array.setExpanded(true);
            return List.copyOf(array.getChildren());
        });

        assertEquals(PagedTreeItem.PAGE_SIZE + 1, instances.size());
        assertEquals(new MoreEntry(summary.instanceCount(arrayRow) - PagedTreeItem.PAGE_SIZE),
                instances.get(PagedTreeItem.PAGE_SIZE).getValue());
        long[] retained = instances.stream().limit(PagedTreeItem.PAGE_SIZE)
                .mapToLong(item -> analysis.retainedSize(((ObjectEntry) item.getValue()).node())).toArray();
        for (int i = 1; i < retained.length; i++) {
            assertTrue(retained[i - 1] >= retained[i]);
        }
        // The biggest array first: the leak, the global array holding the 10,000 others.
        TreeItem<HeapRow> biggest = instances.get(0);
        int node = ((ObjectEntry) biggest.getValue()).node();
        long max = 0;
        for (int i = 0; i < summary.instanceCount(arrayRow); i++) {
            max = Math.max(max, analysis.retainedSize(summary.instance(arrayRow, i)));
        }
        assertEquals(max, analysis.retainedSize(node));

        onFx(() -> pane.table().select(biggest));
        assertEquals(node, pane.getSelectedNode());
        List<TreeItem<HeapRow>> edges = onFx(() -> {
            biggest.setExpanded(true);
            return List.copyOf(biggest.getChildren());
        });
        HeapGraph graph = analysis.graph();
        String first = onFx(() -> pane.table().text(edges.get(0).getValue()));
        assertTrue(first.matches("\\S+ :: .* @\\d+"), first);
        ObjectEntry edge = (ObjectEntry) edges.get(0).getValue();
        assertEquals(graph.edgeTarget(edge.edge()), edge.node());
    }

    @Test
    void aSortKeepsTheOpenClassesInstancesAndTheSelectionInTheNewOrder() throws Exception {
        SummaryPane pane = show();
        ClassSummary summary = classes.summary();
        int arrayRow = summary.rowOfKey(",Array");
        // Open Array, its biggest instance (the global array of 10,000), and select that one's fifth edge.
        TreeItem<HeapRow> array = onFx(() -> classItem(pane, arrayRow));
        TreeItem<HeapRow> biggest = onFx(() -> {
            array.setExpanded(true);
            return array.getChildren().get(0);
        });
        int bigNode = ((ObjectEntry) biggest.getValue()).node();
        TreeItem<HeapRow> edge = onFx(() -> {
            biggest.setExpanded(true);
            return biggest.getChildren().get(4);
        });
        onFx(() -> pane.table().select(edge));
        ObjectEntry selected = (ObjectEntry) edge.getValue();
        assertEquals(selected.node(), pane.getSelectedNode());

        Node shallowHeader = robot.from(pane).lookup(".column-header .label")
                .match((Labeled label) -> "Shallow Size".equals(label.getText())).query();
        robot.clickOn(shallowHeader);
        WaitForAsyncUtils.waitForFxEvents();

        // New tree items, in the new order: Array is open again, its instances now biggest shallow size first.
        TreeItem<HeapRow> arrayAfter = onFx(() -> classItem(pane, arrayRow));
        assertTrue(arrayAfter != array && onFx(arrayAfter::isExpanded));
        List<Long> shallow = onFx(() -> arrayAfter.getChildren().stream().limit(PagedTreeItem.PAGE_SIZE)
                .map(item -> analysis.shallowSize(((ObjectEntry) item.getValue()).node())).toList());
        assertEquals(shallow.stream().sorted(java.util.Comparator.reverseOrder()).toList(), shallow);
        TreeItem<HeapRow> bigAfter = onFx(() -> arrayAfter.getChildren().stream()
                .filter(item -> item.getValue().equals(new ObjectEntry(bigNode, -1))).findFirst().orElseThrow());
        assertTrue(onFx(bigAfter::isExpanded));
        // The selection is the same edge of the same object, and the view still reports it.
        TreeItem<HeapRow> selectedAfter = onFx(() -> pane.tree().getSelectionModel().getSelectedItem());
        assertEquals(selected, selectedAfter.getValue());
        assertEquals(bigAfter, selectedAfter.getParent());
        assertEquals(selected.node(), pane.getSelectedNode());

        // A filter that hides Array drops it; clearing the filter does not bring back what was dropped.
        onFx(() -> pane.filterClasses("Object"));
        assertEquals(-1, pane.getSelectedNode());
        onFx(() -> pane.filterClasses(""));
        assertFalse(onFx(() -> classItem(pane, arrayRow).isExpanded()));
    }

    private static TreeItem<HeapRow> classItem(SummaryPane pane, int row) {
        return pane.tree().getRoot().getChildren().stream()
                .filter(item -> item.getValue().equals(new ClassEntry(row))).findFirst().orElseThrow();
    }

    @Test
    void ctrlShiftCCopiesTheSelectedRowsAsAMarkdownTable() throws Exception {
        SummaryPane pane = show();
        ClassSummary summary = classes.summary();
        int arrayRow = summary.rowOfKey(",Array");
        TreeItem<HeapRow> array = onFx(() -> classItem(pane, arrayRow));
        TreeItem<HeapRow> biggest = onFx(() -> {
            array.setExpanded(true);
            return array.getChildren().get(0);
        });
        onFx(() -> {
            pane.tree().getSelectionModel().clearSelection();
            pane.tree().getSelectionModel().select(array);
            pane.tree().getSelectionModel().select(biggest);
            pane.tree().requestFocus();
        });
        onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().clear());

        String copied = CopyShortcut.pressAndReadClipboard();
        List<String> lines = copied.lines().toList();
        assertEquals(4, lines.size(), copied);
        assertTrue(lines.get(0).matches("\\| Constructor +\\| Distance \\| +Count \\| +Shallow Size \\| +Retained Size \\|"),
                lines.get(0));
        assertTrue(lines.get(1).matches("\\| -+ \\| -+: \\| -+: \\| -+: \\| -+: \\|"), lines.get(1));
        var row = summary.row(arrayRow);
        long total = analysis.retainedSize(0);
        String arrayLine = "| Array .*\\| +" + row.minDistance() + " \\| +"
                + java.util.regex.Pattern.quote(io.heapscope.model.format.ByteSizes.grouped(row.count())) + " \\| +"
                + java.util.regex.Pattern.quote(io.heapscope.model.format.ByteSizes.human(row.shallowSizeSum()) + " ("
                + io.heapscope.views.heap.HeapFormat.percent(row.shallowSizeSum(), total) + ")") + " \\| +"
                + java.util.regex.Pattern.quote(io.heapscope.model.format.ByteSizes.human(row.retainedSizeSum()) + " ("
                + io.heapscope.views.heap.HeapFormat.percent(row.retainedSizeSum(), total) + ")") + " \\|";
        assertTrue(lines.get(2).matches("\\" + arrayLine), lines.get(2));
        int node = ((ObjectEntry) biggest.getValue()).node();
        // The instance is one level down, named and sized as its row shows it, with no count.
        assertTrue(lines.get(3).startsWith("| \u21b3 Array @" + analysis.graph().nodeId(node) + " "), lines.get(3));
        assertTrue(lines.get(3).contains(" " + io.heapscope.model.format.ByteSizes.human(analysis.retainedSize(node))
                + " ("), lines.get(3));
        assertEquals(copied, onFx(() -> pane.table().selectedMarkdown()));
    }

    @Test
    void theFilterNarrowsTheClassesByName() throws Exception {
        SummaryPane pane = show();
        ClassSummary summary = classes.summary();

        robot.clickOn(pane.filter()).write("array");
        WaitForAsyncUtils.waitForFxEvents();

        List<String> names = onFx(() -> pane.tree().getRoot().getChildren().stream()
                .map(item -> summary.row(((ClassEntry) item.getValue()).row()).name()).toList());
        assertFalse(names.isEmpty());
        assertTrue(names.size() < summary.rowCount());
        assertTrue(names.stream().allMatch(name -> name.toLowerCase().contains("array")), names::toString);
        assertTrue(names.contains("Array"));
        assertTrue(onFx(() -> ((Labeled) pane.lookup("#summary-status")).getText())
                .startsWith(names.size() + " of " + summary.rowCount() + " classes"));
    }

    @Test
    void typingAnIdAndEnterSelectsThatObject() throws Exception {
        SummaryPane pane = show();
        HeapGraph graph = analysis.graph();
        int arrayRow = classes.summary().rowOfKey(",Array");
        // An object in a class's first pages opens in place, in its class: here the biggest array.
        int node = classes.summary().instance(arrayRow, 0);
        for (int i = 0; i < classes.summary().instanceCount(arrayRow); i++) {
            int candidate = classes.summary().instance(arrayRow, i);
            if (analysis.retainedSize(candidate) > analysis.retainedSize(node)) {
                node = candidate;
            }
        }
        long id = graph.nodeId(node);

        robot.clickOn(pane.filter()).write("@" + id).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(node, pane.getSelectedNode());
        TreeItem<HeapRow> selected = onFx(() -> pane.tree().getSelectionModel().getSelectedItem());
        assertEquals(new ClassEntry(arrayRow), selected.getParent().getValue());
        assertTrue(onFx(() -> ((Labeled) pane.lookup("#summary-status")).getText()).startsWith("Found "));

        // The smallest of 10,000 arrays is far beyond the first pages: it becomes a found row on top.
        int[] all = classes.summary().instances(arrayRow, 0, classes.summary().instanceCount(arrayRow));
        int smallest = all[0];
        for (int candidate : all) {
            if (analysis.retainedSize(candidate) < analysis.retainedSize(smallest)) {
                smallest = candidate;
            }
        }
        int deep = smallest;
        assertTrue(onFx(() -> pane.reveal(deep)));
        assertEquals(deep, pane.getSelectedNode());
        assertEquals(new ObjectEntry(deep, -1), onFx(() -> pane.tree().getRoot().getChildren().get(0).getValue()));
        // Array keeps the page made before: a reveal never makes thousands of rows.
        assertTrue(onFx(() -> pane.tree().getRoot().getChildren().stream()
                .filter(item -> item.getValue().equals(new ClassEntry(arrayRow))).findFirst().orElseThrow()
                .getChildren().size()) <= PagedTreeItem.PAGE_SIZE + 1);

        onFx(() -> pane.filter().setText("@1"));
        onFx(() -> pane.filter().getOnAction().handle(null));
        assertEquals(0, pane.getSelectedNode());
        onFx(() -> pane.filter().setText("@999999999"));
        onFx(() -> pane.filter().getOnAction().handle(null));
        assertEquals("No object @999999999 in this snapshot",
                onFx(() -> ((Labeled) pane.lookup("#summary-status")).getText()));
    }

    private static List<String> cellTexts(SummaryPane pane) throws Exception {
        return onFx(() -> java.util.stream.Stream.concat(pane.lookupAll(".label").stream(),
                        pane.lookupAll(".tree-table-cell").stream())
                .filter(node -> node instanceof Labeled).map(node -> ((Labeled) node).getText())
                .filter(text -> text != null).toList());
    }

    private static SummaryPane show() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        SummaryPane pane = onFx(() -> {
            SummaryPane built = new SummaryPane(analysis, classes);
            stage.setScene(new Scene(built, 1100, 600));
            stage.show();
            stage.toFront();
            return built;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return pane;
    }
}
