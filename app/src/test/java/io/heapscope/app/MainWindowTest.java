package io.heapscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import io.heapscope.model.progress.ProgressMonitor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.GZIPInputStream;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window over the real committed samples, on headless Monocle: as {@code heapscope open} starts it, and built
 * directly where a test needs to open files later or to load slowly.
 */
class MainWindowTest {
    private static final Path SAMPLES = Path.of("../samples/snapshots");
    private static final Path TINY = SAMPLES.resolve("tiny.heapsnapshot.gz");
    private static final String TINY_NODES = "39,223";
    private static final long TIMEOUT_SECONDS = 30;

    private final FxRobot robot = new FxRobot();
    private Application app;

    @TempDir
    Path temp;

    @BeforeEach
    void keepSettingsInTemp() {
        // HeapscopeApplication reads the settings from where this property says; never the user's own.
        System.setProperty(Settings.DIRECTORY_PROPERTY, temp.resolve("settings").toString());
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void startsWithTitleOpenButtonAndPlaceholder() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(HeapscopeApplication.class);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(stage.isShowing());
        assertEquals("heapscope", stage.getTitle());
        Button open = robot.lookup("#open").queryButton();
        assertEquals("Open…", open.getText());
        assertTrue(open.isVisible());
        // Nothing opened yet: the welcome page, and no file list.
        assertTrue(robot.lookup("#welcome").query().isVisible());
        assertFalse(robot.lookup("#files").queryListView().isVisible());
    }

    @Test
    void loadsTheFileItWasStartedWithAndShowsItsSummary() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(HeapscopeApplication.class, TINY.toString());

        // Summary first, as DevTools opens a snapshot; the file's overview is a tab away.
        waitFor(() -> robot.lookup("#summary-table").tryQuery().isPresent());
        TabPane tabs = robot.lookup("#snapshot-tabs").queryAs(TabPane.class);
        onFx(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(tab -> SnapshotTabs.OVERVIEW.equals(tab.getId())).findFirst().orElseThrow()));
        waitForText("#summary-nodes", TINY_NODES);
        assertEquals("tiny.heapsnapshot.gz", robot.lookup("#summary-title").queryLabeled().getText());
        ListView<OpenSnapshot> files = robot.lookup("#files").queryListView();
        assertEquals(List.of(TINY.toAbsolutePath().normalize()), onFx(() -> files.getItems().stream()
                .map(OpenSnapshot::file).toList()));
        // The list says how big it is without selecting it.
        waitFor(() -> cellTexts().stream().anyMatch(text -> text.startsWith(TINY_NODES + " nodes")));
    }

    @Test
    void aLoadedSnapshotOpensOnItsSummaryWithTheOtherViewsBeside() throws Exception {
        MainWindow window = startWindow(OpenSnapshot::read);

        onFx(() -> window.open(List.of(SAMPLES.resolve("cjs-hot-reload-leak.heapsnapshot.gz"))));
        waitFor(() -> robot.lookup("#snapshot-tabs").tryQuery().isPresent());
        TabPane tabs = robot.lookup("#snapshot-tabs").queryAs(TabPane.class);
        assertEquals(List.of("Summary", "Containment", "Dominators", "Statistics", "Modules", "Comparison",
                "Overview"), onFx(() -> tabs.getTabs().stream().map(Tab::getText).toList()));
        assertEquals(SnapshotTabs.SUMMARY, onFx(() -> tabs.getSelectionModel().getSelectedItem().getId()));
        // DevTools' top class of this sample by retained size (samples/snapshots/oracle).
        waitFor(() -> robot.lookup("#summary-table .label").queryAll().stream()
                .anyMatch(label -> "global".equals(((Labeled) label).getText())));
        // The Modules view is built when first shown.
        OpenSnapshot entry = onFx(() -> window.snapshots().get(0));
        assertEquals(null, onFx(() -> window.views(entry).modulesPane()));

        robot.clickOn(robot.lookup(".tab-header-area .tab-label").match(LabeledMatchers.hasText("Modules"))
                .queryLabeled());

        waitFor(() -> robot.lookup("#modules-tree").tryQuery().map(Node::isVisible).orElse(false));
        assertEquals(SnapshotTabs.MODULES, onFx(() -> tabs.getSelectionModel().getSelectedItem().getId()));
        assertTrue(robot.lookup("#modules-zombie-summary").queryLabeled().getText().startsWith("20 zombies, 20 leaked"));
        waitFor(() -> robot.lookup(".tree-cell .label").queryAllAs(Label.class).stream()
                .anyMatch(label -> "hot.js × 20".equals(label.getText())));
        // The view keeps its place: back to the overview and again to the same Modules view.
        var modules = onFx(() -> window.views(entry).modulesPane());
        onFx(() -> window.views(entry).show(SnapshotTabs.OVERVIEW));
        onFx(() -> window.views(entry).show(SnapshotTabs.MODULES));
        assertTrue(modules == onFx(() -> window.views(entry).modulesPane()));
    }

    @Test
    void selectingAZombieInTheModulesViewShowsItsRetainersBelowTheTabs() throws Exception {
        MainWindow window = startWindow(OpenSnapshot::read);

        onFx(() -> window.open(List.of(SAMPLES.resolve("cjs-hot-reload-leak.heapsnapshot.gz"))));
        waitFor(() -> robot.lookup("#snapshot-tabs").tryQuery().isPresent());
        OpenSnapshot entry = onFx(() -> window.snapshots().get(0));
        assertEquals("Retainers", robot.lookup("#retainers-title").queryLabeled().getText());
        onFx(() -> window.views(entry).show(SnapshotTabs.MODULES));
        waitFor(() -> robot.lookup("#modules-tree").tryQuery().map(Node::isVisible).orElse(false));

        PseudoClass zombie = PseudoClass.getPseudoClass("zombie");
        waitFor(() -> robot.lookup("#modules-tree .tree-table-row-cell").queryAll().stream()
                .anyMatch(row -> row.getPseudoClassStates().contains(zombie)));
        Node zombieRow = robot.lookup("#modules-tree .tree-table-row-cell").queryAll().stream()
                .filter(row -> row.getPseudoClassStates().contains(zombie)).findFirst().orElseThrow();
        robot.clickOn(zombieRow);

        int node = onFx(() -> window.views(entry).modulesPane().getSelectedNode());
        assertTrue(node > 0);
        assertEquals(node, onFx(() -> window.views(entry).retainersPane().shownNode()));
        assertTrue(robot.lookup("#retainers-title").queryLabeled().getText().startsWith("Retainers of Module @"));
        // Opened along the shortest path: the array of the main module's children, then the main module.
        waitFor(() -> robot.lookup("#retainers-tree .label").queryAll().stream()
                .anyMatch(label -> "Array @6165".equals(((Labeled) label).getText())));
        waitFor(() -> robot.lookup("#retainers-tree .label").queryAll().stream()
                .anyMatch(label -> "Module @6181".equals(((Labeled) label).getText())));
        // The Overview has no selection: the Retainers keep what they show.
        onFx(() -> window.views(entry).show(SnapshotTabs.OVERVIEW));
        assertEquals(node, onFx(() -> window.views(entry).retainersPane().shownNode()));
    }

    @Test
    void anInstanceSelectedInTheSummaryShowsItsRetainersAndDetails() throws Exception {
        MainWindow window = startWindow(OpenSnapshot::read);

        onFx(() -> window.open(List.of(SAMPLES.resolve("cjs-hot-reload-leak.heapsnapshot.gz"))));
        waitFor(() -> onFx(() -> !window.snapshots().isEmpty() && window.views(window.snapshots().get(0)) != null
                && window.views(window.snapshots().get(0)).summaryPane() != null));
        SnapshotTabs views = onFx(() -> window.views(window.snapshots().get(0)));
        // The zombie modules of the leak: their class, expanded, its first instance selected with the mouse.
        waitFor(() -> robot.lookup("#summary-table .label").queryAll().stream()
                .anyMatch(label -> "Module".equals(((Labeled) label).getText())));
        robot.clickOn(robot.lookup("#summary-filter").queryAs(javafx.scene.control.TextField.class)).write("Module");
        waitFor(() -> robot.lookup("#summary-table .tree-table-row-cell").queryAll().stream()
                .anyMatch(row -> row.lookup(".tree-disclosure-node") != null
                        && row.lookup(".tree-disclosure-node").isVisible()));
        Node moduleRow = robot.lookup("#summary-table .tree-table-row-cell").queryAll().stream()
                .filter(row -> row.lookupAll(".label").stream()
                        .anyMatch(label -> "Module".equals(((Labeled) label).getText())))
                .findFirst().orElseThrow();
        robot.clickOn(moduleRow.lookup(".tree-disclosure-node"));
        waitFor(() -> robot.lookup("#summary-table .label").queryAll().stream()
                .anyMatch(label -> ((Labeled) label).getText() != null
                        && ((Labeled) label).getText().matches("@\\d+")));
        Node instanceRow = robot.lookup("#summary-table .tree-table-row-cell").queryAll().stream()
                .filter(row -> row.lookupAll(".label").stream().anyMatch(label -> ((Labeled) label).getText() != null
                        && ((Labeled) label).getText().matches("@\\d+") && label.isVisible()))
                .findFirst().orElseThrow();
        robot.clickOn(instanceRow);

        int node = onFx(() -> views.summaryPane().getSelectedNode());
        assertTrue(node > 0);
        assertEquals(node, onFx(() -> views.retainersPane().shownNode()));
        assertEquals(node, onFx(() -> views.detailsPane().shownNode()));
        assertTrue(robot.lookup("#retainers-title").queryLabeled().getText().startsWith("Retainers of Module @"));
        String id = robot.lookup("#details-id").queryLabeled().getText();
        assertTrue(robot.lookup("#retainers-title").queryLabeled().getText().endsWith(id), id);
        // Its retainers are listed, the shortest path to the root opened.
        waitFor(() -> robot.lookup("#retainers-tree .label").queryAll().stream()
                .anyMatch(label -> " in ".equals(" " + ((Labeled) label).getText() + " ")));

        // A dominator link in Details selects that object in the current view.
        Node link = robot.lookup(".details-chain-link").queryAll().iterator().next();
        robot.clickOn(link);
        int chosen = onFx(() -> views.summaryPane().getSelectedNode());
        assertEquals(onFx(() -> views.detailsPane().shownNode()), chosen);
        assertTrue(chosen != node);
    }

    @Test
    void theComparisonTabComparesWithAnotherOpenSnapshot() throws Exception {
        MainWindow window = startWindow(OpenSnapshot::read);

        onFx(() -> window.open(List.of(SAMPLES.resolve("pair-before.heapsnapshot.gz"),
                SAMPLES.resolve("pair-after.heapsnapshot.gz"))));
        waitFor(() -> onFx(() -> window.snapshots().stream().allMatch(e -> e.state() == OpenSnapshot.State.LOADED)));
        OpenSnapshot after = onFx(() -> window.snapshots().get(1));
        onFx(() -> window.select(after));
        waitFor(() -> onFx(() -> window.views(after) != null));
        onFx(() -> window.views(after).show(SnapshotTabs.COMPARISON));
        // The tab's content is built when first shown; on a busy machine that is a pulse or two later.
        waitFor(() -> robot.lookup("#comparison-base").tryQuery().isPresent());
        ComboBox<?> base = robot.lookup("#comparison-base").queryAs(ComboBox.class);
        // Only the other snapshot can be the base.
        assertEquals(List.of("pair-before.heapsnapshot.gz"), onFx(() -> base.getItems().stream()
                .map(Object::toString).toList()));

        robot.clickOn(base);
        robot.clickOn("pair-before.heapsnapshot.gz");

        waitFor(() -> onFx(() -> window.views(after).comparisonPane().comparisonProperty().get() != null));
        waitFor(() -> robot.lookup(".tree-table-row-cell").queryAll().stream()
                .anyMatch(row -> row.lookupAll(".tree-table-cell").stream()
                        .anyMatch(cell -> cell instanceof Labeled l && "Invoice".equals(l.getText()))));
        assertTrue(robot.lookup("#comparison-status").queryLabeled().getText().endsWith("changed classes"));
    }

    @Test
    void aBrokenFileShowsItsErrorAndTheWindowStaysUsable() throws Exception {
        Path broken = temp.resolve("broken.heapsnapshot");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(TINY))) {
            // Well into the nodes, as when a disk fills up while the snapshot is written.
            Files.write(broken, in.readNBytes(200_000));
        }
        MainWindow window = startWindow(OpenSnapshot::read);

        onFx(() -> window.open(List.of(broken)));
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("Could not open broken.heapsnapshot", dialog.getHeaderText());
        assertTrue(dialog.getContentText().contains("truncated"), dialog.getContentText());
        assertTrue(dialog.getContentText().contains("at byte"), dialog.getContentText());

        robot.clickOn(dialog.lookupButton(ButtonType.OK));
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());

        onFx(() -> window.open(List.of(TINY)));
        waitFor(() -> robot.lookup("#summary-table").tryQuery().isPresent());
        assertEquals(List.of(OpenSnapshot.State.FAILED, OpenSnapshot.State.LOADED),
                onFx(() -> window.snapshots().stream().map(OpenSnapshot::state).toList()));
    }

    @Test
    void theCancelButtonStopsALoadAndRemovesIt() throws Exception {
        // The real reader on a real sample, slowed at every progress report so the click lands mid-read.
        MainWindow window = startWindow((file, monitor) -> OpenSnapshot.read(file, new Slow(monitor)));

        onFx(() -> window.open(List.of(SAMPLES.resolve("cjs-hot-reload-leak.heapsnapshot.gz"))));
        waitFor(() -> robot.lookup("#cancel-load").tryQuery().map(Node::isVisible).orElse(false));
        OpenSnapshot loading = onFx(() -> window.snapshots().get(0));
        robot.clickOn(robot.lookup("#cancel-load").queryButton());

        waitFor(() -> window.snapshots().isEmpty());
        // Cancelled is not failed: no dialog, and the load did stop.
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertEquals(OpenSnapshot.State.CANCELLED, onFx(loading::state));
        assertEquals(null, onFx(loading::failure));
        assertTrue(robot.lookup("#welcome").query().isVisible());
    }

    @Test
    void closingALoadThatOnlyStopsWhenCancelledLeavesNothingBehind() throws Exception {
        MainWindow window = startWindow((file, monitor) -> {
            while (true) {
                monitor.checkCancelled();
                LockSupport.parkNanos(1_000_000);
            }
        });

        onFx(() -> window.open(List.of(TINY)));
        waitFor(() -> onFx(() -> window.snapshots().get(0).state() == OpenSnapshot.State.LOADING));
        robot.push(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN));

        waitFor(() -> window.snapshots().isEmpty());
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty());
    }

    @Test
    void ctrlWClosesTheSelectedSnapshot() throws Exception {
        MainWindow window = startWindow(OpenSnapshot::read);
        onFx(() -> window.open(List.of(TINY)));
        waitFor(() -> robot.lookup("#summary-table").tryQuery().isPresent());

        robot.push(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN));

        waitFor(() -> window.snapshots().isEmpty());
        assertTrue(robot.lookup("#summary-table").tryQuery().isEmpty());
        assertTrue(robot.lookup("#welcome").query().isVisible());
    }

    /**
     * A window on the primary stage with {@code loader}, its settings in the test's temp directory; the app itself
     * always reads with the real reader.
     */
    private MainWindow startWindow(OpenSnapshot.Loader loader) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        Settings settings = Settings.load(temp.resolve(Settings.FILE_NAME));
        return onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            MainWindow window = new MainWindow(stage, loader, settings);
            stage.show();
            stage.toFront();
            return window;
        });
    }

    private List<String> cellTexts() throws Exception {
        return onFx(() -> robot.lookup(".list-cell .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
    }

    private void waitForText(String selector, String text) throws TimeoutException {
        waitFor(() -> {
            Optional<Node> node = robot.lookup(selector).tryQuery();
            return node.isPresent() && text.equals(((Label) node.get()).getText());
        });
    }

    private static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get();
    }

    private static void onFx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get();
    }

    /** Passes everything through, but takes its time over each progress report. */
    private record Slow(ProgressMonitor monitor) implements ProgressMonitor {
        @Override
        public void beginPhase(String name, long totalWork) {
            monitor.beginPhase(name, totalWork);
        }

        @Override
        public void progress(long workDone) {
            LockSupport.parkNanos(50_000_000);
            monitor.progress(workDone);
        }

        @Override
        public boolean isCancelled() {
            return monitor.isCancelled();
        }
    }
}
