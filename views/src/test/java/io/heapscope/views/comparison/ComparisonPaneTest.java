package io.heapscope.views.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.modules.ModuleChange;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.modules.ModuleState;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.HeapSnapshot;
import io.heapscope.model.snapshot.SnapshotReader;
import io.heapscope.views.comparison.DiffItem.ClassItem;
import io.heapscope.views.comparison.DiffItem.GroupItem;
import io.heapscope.views.comparison.DiffItem.MoreItem;
import io.heapscope.views.comparison.DiffItem.ObjectItem;
import io.heapscope.views.export.CopyShortcut;
import io.heapscope.views.task.ModelTask;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Comparison view on the committed snapshot pairs: DevTools' rows, drill-down a page at a time, modules. */
class ComparisonPaneTest {
    private static final ExecutorService EXECUTOR = ModelTask.daemonExecutor("comparison-test", 1);

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stopExecutor() {
        EXECUTOR.shutdownNow();
    }

    static ComparedSnapshot load(String sample) throws Exception {
        HeapSnapshot snapshot = SnapshotReader.read(Path.of("../samples/snapshots/" + sample + ".heapsnapshot.gz"),
                ProgressMonitor.none());
        HeapAnalysis analysis = HeapAnalysis.analyze(snapshot, ProgressMonitor.none());
        return new ComparedSnapshot(sample, snapshot, analysis, ModuleGraph.compute(analysis, ProgressMonitor.none()));
    }

    /** Shows {@code target}'s Comparison view, picks {@code base} and waits for the result. */
    private static ComparisonPane compare(ComparedSnapshot base, ComparedSnapshot target) throws Exception {
        ObservableList<ComparedSnapshot> open = FXCollections.observableArrayList(base, target);
        ComparisonPane pane = WaitForAsyncUtils.asyncFx(() -> new ComparisonPane(target, open, EXECUTOR)).get();
        WaitForAsyncUtils.asyncFx(() -> pane.compareWith(base)).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> pane.comparisonProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return pane;
    }

    @Test
    void showsDevToolsRowsAndPagesThroughTheNewObjectsOfAClass() throws Exception {
        ComparedSnapshot before = load("pair-before");
        ComparisonPane pane = compare(before, load("pair-after"));

        List<TreeItem<DiffItem>> rows = pane.classTable().getRoot().getChildren();
        assertEquals(pane.comparisonProperty().get().classes().rowCount(), rows.size());
        ClassItem invoice = (ClassItem) rows.get(0).getValue();
        assertEquals("Invoice", invoice.diff().className());
        assertEquals(1000, invoice.diff().newCount());
        // The base can only be another snapshot.
        assertEquals(List.of(before), pane.lookupAll("#comparison-base").stream()
                .map(node -> ((javafx.scene.control.ComboBox<?>) node).getItems()).findFirst().orElseThrow());

        TreeItem<DiffItem> group = WaitForAsyncUtils.asyncFx(() -> rows.get(0).getChildren().get(0)).get();
        assertEquals(new GroupItem(0, true, 1000), group.getValue());
        List<TreeItem<DiffItem>> page = WaitForAsyncUtils.asyncFx(group::getChildren).get();
        assertEquals(DiffTreeItems.PAGE + 1, page.size());
        ObjectItem first = (ObjectItem) page.get(0).getValue();
        assertTrue(first.text().startsWith("Invoice @"), first.text());
        assertEquals(40, first.shallowSize());
        assertEquals(new MoreItem(0, true, 100, 900), page.get(DiffTreeItems.PAGE).getValue());

        // Selecting "show more" puts the next page in its place.
        WaitForAsyncUtils.asyncFx(() -> {
            pane.classTable().getRoot().getChildren().get(0).setExpanded(true);
            group.setExpanded(true);
            pane.classTable().getSelectionModel().select(page.get(DiffTreeItems.PAGE));
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2 * DiffTreeItems.PAGE + 1, group.getChildren().size());
        assertEquals(new MoreItem(0, true, 200, 800), group.getChildren().get(2 * DiffTreeItems.PAGE).getValue());

        // A new object is the target's: the Retainers tool window can show it; a class row is no object.
        WaitForAsyncUtils.asyncFx(() -> pane.classTable().getSelectionModel().select(page.get(0))).get();
        assertEquals(first.node(), pane.getSelectedNode());
        WaitForAsyncUtils.asyncFx(() -> pane.classTable().getSelectionModel().select(rows.get(0))).get();
        assertEquals(-1, pane.getSelectedNode());
    }

    @Test
    void ctrlShiftCCopiesTheSelectedClassRowsAsMarkdown() throws Exception {
        ComparisonPane pane = compare(load("pair-before"), load("pair-after"));
        List<TreeItem<DiffItem>> rows = pane.classTable().getRoot().getChildren();
        ClassItem invoice = (ClassItem) rows.get(0).getValue();
        javafx.stage.Stage stage = FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setScene(new javafx.scene.Scene(pane, 1100, 600));
            stage.show();
            stage.toFront();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.input.Clipboard.getSystemClipboard().clear();
            pane.classTable().getSelectionModel().select(rows.get(0));
            pane.classTable().requestFocus();
        }).get();

        String copied = CopyShortcut.pressAndReadClipboard();
        List<String> lines = copied.lines().toList();
        assertEquals(3, lines.size(), copied);
        assertTrue(lines.get(0).matches("\\| Constructor +\\| +# New \\| +# Deleted \\| +# Delta \\| +Alloc\\. Size \\| "
                + "+Freed Size \\| +Size Delta \\|"), lines.get(0));
        String[] cells = lines.get(2).split("\\|");
        assertEquals("Invoice", cells[1].strip());
        assertEquals(io.heapscope.model.format.ByteSizes.grouped(invoice.diff().newCount()), cells[2].strip());
        assertEquals(io.heapscope.model.format.ByteSizes.human(invoice.diff().allocSize()), cells[5].strip());
        FxToolkit.cleanupStages();
    }

    @Test
    void theFilterKeepsMatchingClasses() throws Exception {
        ComparisonPane pane = compare(load("pair-before"), load("pair-after"));

        WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.TextField) pane.lookup("#comparison-filter"))
                .setText("customer")).get();
        WaitForAsyncUtils.waitForFxEvents();

        List<TreeItem<DiffItem>> rows = pane.classTable().getRoot().getChildren();
        assertEquals(1, rows.size());
        assertEquals("Customer", ((ClassItem) rows.get(0).getValue()).diff().className());
    }

    @Test
    void listsTheModuleDiffOfHotReloads() throws Exception {
        ComparisonPane pane = compare(load("reload-before"), load("reload-after"));

        assertEquals("Modules: 6 added, 0 removed, 5 new zombies",
                pane.modulesTitle().getText());
        var changes = pane.moduleTable().getItems();
        assertEquals(9, changes.size());
        assertEquals(5, changes.stream().filter(c -> c.targetState() == ModuleState.ZOMBIE).count());
        assertEquals("cached → zombie", changes.stream().filter(c -> !c.isAdded() && c.isNewZombie())
                .map(ModuleChange::stateText).findFirst().orElseThrow());
        assertNotNull(pane.comparisonProperty().get().modules());
    }

    @Test
    void theModuleRowsSelectedCopyAsMarkdown() throws Exception {
        ComparisonPane pane = compare(load("reload-before"), load("reload-after"));
        ModuleChange zombie = pane.moduleTable().getItems().stream().filter(ModuleChange::isNewZombie)
                .findFirst().orElseThrow();
        javafx.stage.Stage stage = FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setScene(new javafx.scene.Scene(pane, 1100, 600));
            stage.show();
            javafx.scene.input.Clipboard.getSystemClipboard().clear();
            pane.moduleTable().getSelectionModel().select(zombie);
            pane.moduleTable().requestFocus();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        String copied = CopyShortcut.pressAndReadClipboard();
        List<String> lines = copied.lines().toList();
        assertEquals(3, lines.size(), copied);
        assertTrue(lines.get(0).matches("\\| Module +\\| State +\\| +Retained size before \\| +Retained size after "
                + "\\| +Retained size change \\|"), lines.get(0));
        String[] cells = lines.get(2).split("\\|");
        assertEquals(io.heapscope.model.format.HeapText.shortModuleName(zombie.name()), cells[1].strip());
        assertEquals(zombie.stateText(), cells[2].strip());
        assertEquals(io.heapscope.model.format.ByteSizes.human(zombie.targetRetainedSize()), cells[4].strip());
        FxToolkit.cleanupStages();
    }
}
