package io.heapscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's shell on the real samples, headless: theme, remembered settings, welcome page, search, Back and
 * Forward, Ctrl+F and the close button of a list entry. Every window keeps its settings in a temp directory.
 */
class ShellTest {
    private static final Path SAMPLES = Path.of("../samples/snapshots");
    private static final Path TINY = SAMPLES.resolve("tiny.heapsnapshot.gz");
    private static final Path LEAK = SAMPLES.resolve("cjs-hot-reload-leak.heapsnapshot.gz");
    private static final long TIMEOUT_SECONDS = 30;

    private final FxRobot robot = new FxRobot();

    @TempDir
    Path temp;

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theThemeSwitchRestylesTheChartsAndIsRemembered() throws Exception {
        MainWindow window = startWindow(settings());
        OpenSnapshot entry = openAndWait(window, TINY);
        onFx(() -> window.viewsOf(entry).show(SnapshotTabs.STATISTICS));
        waitFor(() -> !robot.lookup(n -> n instanceof ChartViewer).queryAll().isEmpty());
        ChartViewer chart = (ChartViewer) robot.lookup(n -> n instanceof ChartViewer).queryAll().iterator().next();
        // The chart takes the theme's colours once CSS has reached it, which may be a pulse after it appears.
        waitFor(() -> ((java.awt.Color) chart.getChart().getBackgroundPaint()).getRed() > 200);

        robot.clickOn("#theme-toggle");

        waitFor(() -> ((java.awt.Color) chart.getChart().getBackgroundPaint()).getRed() < 60);
        assertTrue(onFx(() -> window.theme().darkProperty().get()));
        assertEquals("true", Settings.load(settingsFile()).get(ThemeSwitch.DARK_KEY, null));
        // Back to light for the windows of later tests.
        onFx(() -> window.theme().darkProperty().set(false));
    }

    @Test
    void windowSizeThemeAndRecentFilesAreRememberedBetweenRuns() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        MainWindow first = startWindow(settings());
        openAndWait(first, TINY);
        openAndWait(first, LEAK);
        onFx(() -> {
            stage.setWidth(900);
            stage.setHeight(640);
            first.theme().darkProperty().set(true);
        });
        onFx(stage::hide);

        Settings saved = Settings.load(settingsFile());
        assertEquals(900, saved.getDouble(WindowLayout.WIDTH, -1));
        assertEquals(640, saved.getDouble(WindowLayout.HEIGHT, -1));
        assertTrue(saved.getBoolean(ThemeSwitch.DARK_KEY, false));
        // Most recent first.
        assertEquals(List.of(abs(LEAK), abs(TINY)), new RecentFiles(saved).files());

        MainWindow second = startWindow(settings());
        assertEquals(900, onFx(() -> stage.getWidth()));
        assertEquals(640, onFx(() -> stage.getHeight()));
        assertTrue(onFx(() -> second.theme().darkProperty().get()));
        onFx(() -> second.theme().darkProperty().set(false));
    }

    @Test
    void recentFilesThatNoLongerExistAreDroppedAndTheListKeepsTen() throws Exception {
        Settings settings = settings();
        RecentFiles recent = new RecentFiles(settings);
        Path gone = temp.resolve("gone.heapsnapshot");
        java.nio.file.Files.writeString(gone, "{}");
        recent.add(gone);
        for (Path sample : SampleSnapshots.list(SAMPLES)) {
            recent.add(sample);
        }
        assertEquals(RecentFiles.MAX, recent.files().size());
        java.nio.file.Files.delete(gone);
        recent.add(TINY);

        List<Path> reread = new RecentFiles(Settings.load(settingsFile())).files();
        assertEquals(abs(TINY), reread.get(0));
        assertFalse(reread.contains(gone.toAbsolutePath().normalize()));
        assertEquals(reread.stream().distinct().toList(), reread);
    }

    @Test
    void theWelcomePageListsRecentFilesAndSamplesAndOpensOneWithAClick() throws Exception {
        Settings settings = settings();
        new RecentFiles(settings).add(SAMPLES.resolve("pair-before.heapsnapshot.gz"));
        MainWindow window = startWindow(settings);

        assertTrue(robot.lookup("#welcome").query().isVisible());
        assertEquals(List.of("pair-before"), linkTexts(WelcomePage.RECENT_LINK));
        List<String> samples = linkTexts(WelcomePage.SAMPLE_LINK);
        assertTrue(samples.contains("tiny") && samples.contains("cjs-hot-reload-leak"), samples.toString());

        Hyperlink tiny = robot.lookup("." + WelcomePage.SAMPLE_LINK).queryAllAs(Hyperlink.class).stream()
                .filter(link -> "tiny".equals(link.getText())).findFirst().orElseThrow();
        robot.clickOn(tiny);

        waitFor(() -> robot.lookup("#summary-table").tryQuery().isPresent());
        assertEquals(List.of(abs(TINY)), onFx(() -> window.snapshots().stream().map(OpenSnapshot::file).toList()));
        assertTrue(robot.lookup("#welcome").tryQuery().isEmpty());
        // Opened, it is the most recent file now.
        waitFor(() -> new RecentFiles(settings()).files().get(0).equals(abs(TINY)));
    }

    @Test
    void ctrlShiftAFindsAClassAndAnObjectId() throws Exception {
        MainWindow window = startWindow(settings());
        OpenSnapshot leak = openAndWait(window, LEAK);
        waitFor(() -> window.viewsOf(leak).summaryPane() != null);

        robot.push(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        waitFor(() -> window.search().isShowing());
        robot.write("HotModuleState");
        waitFor(() -> resultTexts().contains("HotModuleState"));
        robot.type(KeyCode.ENTER);

        waitFor(() -> !window.search().isShowing());
        TextField filter = robot.lookup("#summary-filter").queryAs(TextField.class);
        assertEquals("HotModuleState", onFx(() -> filter.getText()));

        robot.push(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        waitFor(() -> window.search().isShowing());
        robot.write("@6181");
        waitFor(() -> resultTexts().contains("Module @6181"));
        robot.type(KeyCode.ENTER);

        int node = onFx(() -> leak.loaded().analysis().graph().ordinalOfId(6181));
        waitFor(() -> window.viewsOf(leak).summaryPane().getSelectedNode() == node);
        assertEquals(node, onFx(() -> window.viewsOf(leak).detailsPane().shownNode()));
    }

    @Test
    void shiftPressedTwiceOpensTheSearchAndShiftThenAKeyDoesNot() throws Exception {
        MainWindow window = startWindow(settings());
        OpenSnapshot leak = openAndWait(window, LEAK);
        waitFor(() -> window.viewsOf(leak).summaryPane() != null);
        robot.clickOn("#summary-table");

        robot.type(KeyCode.SHIFT).type(KeyCode.SHIFT);

        waitFor(() -> window.search().isShowing());
        robot.write("HotModuleState");
        waitFor(() -> resultTexts().contains("HotModuleState"));
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> !window.search().isShowing());

        // Shift, another key, Shift: no search (a capital letter typed, say).
        robot.clickOn("#summary-table");
        robot.type(KeyCode.SHIFT).type(KeyCode.DOWN).type(KeyCode.SHIFT);
        WaitForAsyncUtils.sleep(DoubleShift.WINDOW_MILLIS * 2, TimeUnit.MILLISECONDS);
        assertFalse(onFx(() -> window.search().isShowing()));
    }

    @Test
    void theLeftToolWindowsWidthIsRememberedBetweenRuns() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        MainWindow first = startWindow(settings());
        openAndWait(first, TINY);
        Node left = robot.lookup("#left-tool-window").query();
        waitFor(() -> left.getLayoutBounds().getWidth() > 0);
        double before = onFx(() -> left.getLayoutBounds().getWidth());
        assertEquals(MainWindow.LEFT_WIDTH, before, 2, "the first width");

        Node divider = robot.lookup("#window-body > .split-pane-divider").query();
        robot.drag(divider).moveBy(90, 0).drop();

        waitFor(() -> left.getLayoutBounds().getWidth() > before + 60);
        double dragged = onFx(() -> left.getLayoutBounds().getWidth());
        onFx(stage::hide);
        assertEquals(dragged, Settings.load(settingsFile()).getDouble(WindowLayout.LEFT_WIDTH, -1), 1);

        startWindow(settings());
        Node again = robot.lookup("#left-tool-window").query();
        waitFor(() -> again != left && again.getLayoutBounds().getWidth() > 0);
        assertEquals(dragged, onFx(() -> again.getLayoutBounds().getWidth()), 2);
    }

    @Test
    void everyViewTabHeaderIsVisibleAtTheDefaultWindowSize() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        MainWindow window = startWindow(settings());
        OpenSnapshot leak = openAndWait(window, LEAK);
        waitFor(() -> window.viewsOf(leak).summaryPane() != null);
        assertEquals(MainWindow.DEFAULT_WIDTH, onFx(() -> stage.getWidth()), 1);

        TabPane tabs = robot.lookup("#snapshot-tabs").queryAs(TabPane.class);
        List<Bounds> headers = onFx(() -> tabs.lookupAll(".tab-header-area .tab").stream()
                .map(header -> header.localToScene(header.getLayoutBounds())).toList());
        assertEquals(onFx(() -> tabs.getTabs().size()), headers.size());
        Bounds area = onFx(() -> tabs.localToScene(tabs.getLayoutBounds()));
        for (Bounds header : headers) {
            assertTrue(header.getMaxX() <= area.getMaxX(), header + " beyond " + area);
        }
        // No overflow menu: it appears only when some header does not fit.
        assertTrue(onFx(() -> tabs.lookupAll(".control-buttons-tab").stream().noneMatch(Node::isVisible)));
    }

    @Test
    void altLeftAndAltRightGoBackAndForwardThroughSelectionsAcrossSnapshots() throws Exception {
        MainWindow window = startWindow(settings());
        OpenSnapshot leak = openAndWait(window, LEAK);
        OpenSnapshot tiny = openAndWait(window, TINY);
        int first = onFx(() -> leak.loaded().analysis().graph().ordinalOfId(6181));
        int second = onFx(() -> leak.loaded().analysis().graph().ordinalOfId(6165));
        int third = 1;
        onFx(() -> window.select(leak));
        waitFor(() -> window.viewsOf(leak).summaryPane() != null);
        onFx(() -> window.viewsOf(leak).reveal(SnapshotTabs.SUMMARY, first));
        onFx(() -> window.viewsOf(leak).reveal(SnapshotTabs.DOMINATORS, second));
        onFx(() -> window.select(tiny));
        waitFor(() -> window.viewsOf(tiny).summaryPane() != null);
        onFx(() -> window.viewsOf(tiny).reveal(SnapshotTabs.SUMMARY, third));
        assertEquals(3, onFx(() -> window.history().places()).size());

        KeyCodeCombination back = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN);
        KeyCodeCombination forward = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN);
        robot.push(back);
        waitFor(() -> selected(window) == leak);
        assertEquals(SnapshotTabs.DOMINATORS, onFx(() -> window.viewsOf(leak).currentTab()));
        assertEquals(second, onFx(() -> window.viewsOf(leak).dominatorsPane().getSelectedNode()));
        robot.push(back);
        waitFor(() -> SnapshotTabs.SUMMARY.equals(window.viewsOf(leak).currentTab()));
        assertEquals(first, onFx(() -> window.viewsOf(leak).summaryPane().getSelectedNode()));
        // Going back is no new step: all three places are still there.
        assertEquals(3, onFx(() -> window.history().places()).size());

        robot.push(forward);
        robot.push(forward);
        waitFor(() -> selected(window) == tiny);
        assertEquals(third, onFx(() -> window.viewsOf(tiny).summaryPane().getSelectedNode()));
        assertFalse(onFx(() -> window.history().canGoForwardProperty().get()));
    }

    @Test
    void ctrlFFocusesTheFilterOfTheViewShown() throws Exception {
        MainWindow window = startWindow(settings());
        OpenSnapshot tiny = openAndWait(window, TINY);
        waitFor(() -> window.viewsOf(tiny).summaryPane() != null);
        // The focus in the snapshots list, outside the view.
        Node cell = robot.lookup("#files .list-cell").query();
        robot.clickOn(cell);
        assertFalse(onFx(() -> robot.lookup("#summary-filter").query().isFocused()));

        robot.push(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));

        waitFor(() -> robot.lookup("#summary-filter").query().isFocused());
    }

    @Test
    void theCloseButtonOfAnEntryClosesItsSnapshot() throws Exception {
        MainWindow window = startWindow(settings());
        openAndWait(window, TINY);
        waitFor(() -> robot.lookup(".close-snapshot").tryQuery().map(Node::isVisible).orElse(false));
        // The entry says when the file was written and how big it is.
        waitFor(() -> robot.lookup("#files .label").queryAll().stream()
                .anyMatch(label -> ((javafx.scene.control.Label) label).getText().startsWith("taken ")));

        robot.clickOn(robot.lookup(".close-snapshot").queryButton());

        waitFor(() -> window.snapshots().isEmpty());
        waitFor(() -> robot.lookup("#welcome").tryQuery().isPresent());
    }

    private Settings settings() {
        return Settings.load(settingsFile());
    }

    private Path settingsFile() {
        return temp.resolve("config").resolve(Settings.FILE_NAME);
    }

    private static Path abs(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private static MainWindow startWindow(Settings settings) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        return onFx(() -> {
            MainWindow window = new MainWindow(stage, OpenSnapshot::read, settings);
            stage.show();
            stage.toFront();
            return window;
        });
    }

    private static OpenSnapshot openAndWait(MainWindow window, Path file) throws Exception {
        onFx(() -> window.open(List.of(file)));
        OpenSnapshot entry = onFx(() -> window.snapshots().stream()
                .filter(e -> e.file().equals(abs(file))).findFirst().orElseThrow());
        waitFor(() -> entry.state() == OpenSnapshot.State.LOADED);
        waitFor(() -> window.views(entry) != null);
        return entry;
    }

    private static OpenSnapshot selected(MainWindow window) {
        return window.snapshots().stream().filter(entry -> window.views(entry) != null
                && window.views(entry).getScene() != null).findFirst().orElse(null);
    }

    private List<String> linkTexts(String styleClass) throws Exception {
        return onFx(() -> robot.lookup("." + styleClass).queryAllAs(Hyperlink.class).stream()
                .map(Hyperlink::getText).toList());
    }

    private List<String> resultTexts() {
        ListView<SnapshotSearch.Result> results = robot.lookup("#search-results").queryListView();
        return results.getItems().stream().map(SnapshotSearch.Result::text).toList();
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
}
