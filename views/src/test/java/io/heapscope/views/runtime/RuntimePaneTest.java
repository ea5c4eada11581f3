package io.heapscope.views.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.heapscope.model.runtime.LiveRuntime;
import io.heapscope.model.runtime.ModuleAction;
import io.heapscope.model.runtime.RuntimeMarker;
import io.heapscope.model.runtime.RuntimeSession;
import io.heapscope.model.runtime.WatchCycle;
import io.heapscope.model.snapshot.HeapSnapshot;
import io.heapscope.views.chart.LightChartTheme;
import io.heapscope.views.report.WatchReportWriter;
import io.heapscope.views.task.ModelTask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The runtime window on a real Node process (the plugin host sample), headless. */
class RuntimePaneTest {
    private static final Path RUNTIME_SAMPLES = Path.of("..", "samples", "runtime").toAbsolutePath().normalize();
    private static final ExecutorService EXECUTOR = ModelTask.daemonExecutor("runtime-test", 1);

    private final FxRobot robot = new FxRobot();
    @org.junit.jupiter.api.io.TempDir
    Path temp;
    private final List<Path> snapshotFiles = new ArrayList<>();
    private final List<HeapSnapshot> snapshots = new ArrayList<>();
    private final AtomicInteger confirmations = new AtomicInteger();
    private LiveRuntime runtime;
    private RuntimePane pane;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        onFx(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @AfterAll
    static void noNodeSurvives() {
        List<String> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse("?")).filter(c -> c.contains("node")).toList();
        assertEquals(List.of(), left);
    }

    @BeforeEach
    void launch() throws Exception {
        RuntimeSession session = RuntimeSession.launch(List.of("node", "plugin-host.js"), RUNTIME_SAMPLES);
        runtime = new LiveRuntime("plugin-host.js", session, e -> { });
        runtime.startTelemetry(Duration.ofMillis(200));
        Stage stage = FxToolkit.registerPrimaryStage();
        pane = onFx(() -> {
            RuntimePane built = new RuntimePane(runtime, question -> {
                confirmations.incrementAndGet();
                return true;
            }, (file, snapshot) -> {
                snapshotFiles.add(file);
                snapshots.add(snapshot);
            }, EXECUTOR, temp);
            stage.setScene(new Scene(built, 1200, 800));
            stage.show();
            return built;
        });
        waitFor(() -> onFx(() -> pane.statusText().endsWith("modules in require.cache")));
    }

    @AfterEach
    void close() throws Exception {
        onFx(() -> pane.dispose());
        runtime.close();
        FxToolkit.cleanupStages();
        onFx(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @Test
    void listsTheCachedModulesAndPicksTheFirstDependency() throws Exception {
        ComboBox<String> module = robot.lookup("#runtime-module").queryAs(ComboBox.class);
        assertEquals(2, onFx(() -> module.getItems().size()), "plugin-host.js and the plugin");
        assertTrue(onFx(module::getValue).endsWith("/plugins/greeter.js"));
    }

    @Test
    void actionsAskOnceAndAreMarkedOnTheMemoryChart() throws Exception {
        robot.clickOn("#runtime-gc");
        waitFor(() -> onFx(() -> pane.statusText().startsWith("GC done: heap used")));
        Spinner<Integer> times = robot.lookup("#runtime-times").queryAs(Spinner.class);
        onFx(() -> times.getValueFactory().setValue(3));
        robot.clickOn("#runtime-run");
        waitFor(() -> onFx(() -> pane.statusText().startsWith("Delete from cache greeter.js × 3")));

        assertEquals(1, confirmations.get(), "confirmed the first time only");
        waitFor(() -> onFx(() -> pane.memoryChart().drawnMarkers().stream()
                .filter(m -> m.kind() == RuntimeMarker.Kind.ACTION).count() == 4),
                () -> runtime.telemetry().markers() + " drawn " + pane.memoryChart().drawnMarkers());
        assertTrue(onFx(() -> pane.memoryChart().values(MemoryChart.Metric.HEAP_USED)).size() >= 2);
        assertTrue(onFx(() -> pane.memoryChart().values(MemoryChart.Metric.RSS)).stream()
                .allMatch(rss -> rss.longValue() > 10_000_000));
    }

    @Test
    void aSnapshotIsSavedAsItStreamsAndGoesToTheSink() throws Exception {
        robot.clickOn("#runtime-snapshot");
        waitFor(() -> !snapshots.isEmpty());
        Path file = snapshotFiles.get(0);
        assertEquals(temp, file.getParent());
        assertTrue(file.getFileName().toString().matches("plugin-host\\.js-\\d{8}-\\d{6}-1\\.heapsnapshot"),
                file.toString());
        assertTrue(snapshots.get(0).graph().nodeCount() > 10_000);
        assertEquals(snapshots.get(0).graph().nodeCount(), io.heapscope.model.snapshot.SnapshotReader.read(file,
                io.heapscope.model.progress.ProgressMonitor.none()).graph().nodeCount());
    }

    @Test
    void aDeleteOnlyWatchGrowsAndDetachStaysFlat() throws Exception {
        Spinner<Integer> cycles = robot.lookup("#runtime-cycles").queryAs(Spinner.class);
        onFx(() -> cycles.getValueFactory().setValue(3));
        robot.clickOn("#runtime-watch");
        waitFor(() -> onFx(() -> pane.cycleChart().verdictText().startsWith("Verdict")));
        assertEquals(List.of(1, 2, 3), onFx(() -> pane.cycleChart().cycles()).stream()
                .map(WatchCycle::zombieCount).toList());
        // The live process may also keep some memory that only a normal GC shows (a timing matter in V8), which
        // adds a warning after the verdict; the verdict itself is fixed.
        String verdict = onFx(() -> pane.cycleChart().verdictText());
        assertTrue(verdict.equals("Verdict: grows (zombies grew from 1 to 3 in 2 cycles)")
                || verdict.startsWith("Verdict: grows (zombies grew from 1 to 3 in 2 cycles); ")
                && verdict.contains(" more stays after a normal GC than after a snapshot's GC"), verdict);
        // The finished watch is kept for File › Export Report…, with a zombie's chain from its first and last cycle.
        WatchReportWriter.Run watched = onFx(() -> pane.lastWatch().get());
        assertEquals(List.of(1, 2, 3), watched.cycles().stream().map(WatchCycle::zombieCount).toList());
        assertTrue(watched.verdict().grows());
        assertEquals(1, watched.chains().first().orElseThrow().cycle());
        assertEquals(3, watched.chains().last().orElseThrow().cycle());
        String report = WatchReportWriter.report(watched, LightChartTheme.get()).markdown();
        assertTrue(report.contains("## A zombie, before and after") && report.contains("`children` in `Module @"),
                report);
        assertEquals(1, WatchReportWriter.report(watched, LightChartTheme.get()).images().size());

        ChoiceBox<ModuleAction> action = robot.lookup("#runtime-action").queryAs(ChoiceBox.class);
        onFx(() -> action.setValue(ModuleAction.DETACH));
        robot.clickOn("#runtime-watch");
        waitFor(() -> onFx(() -> pane.cycleChart().verdictText().startsWith("Verdict")));
        assertFalse(onFx(() -> pane.cycleChart().cycles()).stream().anyMatch(c -> c.zombieCount() > 3),
                "detach adds no zombie to the three delete left");
        assertTrue(onFx(() -> pane.cycleChart().verdictText()).startsWith("Verdict: flat"),
                onFx(() -> pane.cycleChart().verdictText()));
    }

    @Test
    void aDeadTargetDisablesTheActionsAndKeepsTheChart() throws Exception {
        runtime.session().launched().close();
        onFx(() -> pane.markDisconnected("the process ended"));
        assertEquals("Disconnected: the process ended", onFx(pane::statusText));
        assertTrue(onFx(() -> robot.lookup("#runtime-gc").queryAs(Button.class).isDisabled()));
        assertFalse(onFx(() -> pane.memoryChart().values(MemoryChart.Metric.HEAP_USED)).isEmpty());
    }

    @Test
    void theChartsFollowTheTheme() throws Exception {
        java.awt.Paint light = onFx(() -> pane.memoryChart().chart().getBackgroundPaint());
        onFx(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        java.awt.Color dark = (java.awt.Color) onFx(() -> pane.memoryChart().chart().getBackgroundPaint());
        assertTrue(((java.awt.Color) light).getRed() > 200, light.toString());
        assertTrue(dark.getRed() < 60, dark.toString());
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        waitFor(condition, () -> "");
    }

    private static void waitFor(Callable<Boolean> condition, java.util.function.Supplier<String> state)
            throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + state.get());
            }
            Thread.sleep(50);
        }
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get();
    }

    private static void onFx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get();
    }
}
