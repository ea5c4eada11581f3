package io.heapscope.views.runtime;

import atlantafx.base.theme.Styles;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.format.HeapText;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.report.WatchChains;
import io.heapscope.model.runtime.GrowthVerdict;
import io.heapscope.model.runtime.LiveRuntime;
import io.heapscope.model.runtime.ModuleAction;
import io.heapscope.model.runtime.ModuleActionResult;
import io.heapscope.model.runtime.ModuleWatch;
import io.heapscope.model.runtime.WatchCycle;
import io.heapscope.model.runtime.WatchPlan;
import io.heapscope.model.runtime.demo.DemoResult;
import io.heapscope.model.runtime.demo.DemoScenario;
import io.heapscope.model.snapshot.HeapSnapshot;
import io.heapscope.views.report.WatchReportWriter;
import io.heapscope.views.task.ModelTask;
import io.heapscope.views.task.ModelWork;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One live runtime: its memory chart, the actions a user may take on it (GC, snapshot, clear or reload a module,
 * N times, or a watch run of N cycles) and the per-cycle chart of the last watch.
 *
 * <p>Everything that runs code in the target waits for an explicit click, and the first such click per runtime
 * asks for confirmation. Work runs on the runtime's own executor, one request at a time, never on the FX thread.
 */
public final class RuntimePane extends BorderPane {
    private static final String STYLESHEET = RuntimePane.class.getResource("runtime.css").toExternalForm();

    /** Asks the user before the first action that runs code in the target. */
    @FunctionalInterface
    public interface Confirmation {
        boolean confirm(String question);
    }

    /** Receives a snapshot the user took, saved as {@code file}, to show it like a file opened from disk. */
    @FunctionalInterface
    public interface SnapshotSink {
        void accept(Path file, HeapSnapshot snapshot);
    }

    private final LiveRuntime runtime;
    private final Confirmation confirmation;
    private final SnapshotSink snapshots;
    private final Executor executor;
    private final Path snapshotDirectory;
    private final MemoryChart memoryChart = new MemoryChart();
    private final CycleChart cycleChart = new CycleChart();
    private final ComboBox<String> module = new ComboBox<>();
    private final ChoiceBox<ModuleAction> action = new ChoiceBox<>(FXCollections.observableArrayList(
            ModuleAction.values()));
    private final Spinner<Integer> times = new Spinner<>(1, 1000, 1);
    private final Spinner<Integer> cycles = new Spinner<>(2, 100, 5);
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button cancel = new Button("Cancel");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty connected = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<WatchReportWriter.Run> lastWatch = new ReadOnlyObjectWrapper<>();
    private final Timeline refresh;
    private int snapshotCount;
    private boolean confirmed;
    private ModelTask<?> current;

    /** @param snapshotDirectory where snapshots taken here are saved as they stream in */
    public RuntimePane(LiveRuntime runtime, Confirmation confirmation, SnapshotSink snapshots, Executor executor,
                       Path snapshotDirectory) {
        this.runtime = runtime;
        this.snapshotDirectory = snapshotDirectory;
        this.confirmation = confirmation;
        this.snapshots = snapshots;
        this.executor = executor;
        getStyleClass().add("runtime-pane");
        getStylesheets().add(STYLESHEET);

        SplitPane charts = new SplitPane(memoryChart, cycleChart);
        charts.setOrientation(Orientation.VERTICAL);
        charts.setDividerPositions(0.6);
        setTop(new VBox(header(), toolbar()));
        setCenter(charts);
        setBottom(statusBar());

        refresh = new Timeline(new KeyFrame(Duration.seconds(1), e -> memoryChart.refresh(runtime.telemetry())));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
        memoryChart.refresh(runtime.telemetry());
        loadModules(true);
    }

    public LiveRuntime runtime() {
        return runtime;
    }

    public boolean isConnected() {
        return connected.get();
    }

    /** The target went away: stop refreshing and disable every action; what was measured stays on screen. */
    public void markDisconnected(String reason) {
        connected.set(false);
        refresh.stop();
        memoryChart.refresh(runtime.telemetry());
        showStatus("Disconnected: " + reason, true);
    }

    /** Stops the chart refresh; the owner closes the runtime itself. */
    public void dispose() {
        refresh.stop();
        if (current != null) {
            current.cancel();
        }
    }

    private Region header() {
        Label name = new Label(runtime.name());
        name.getStyleClass().add(Styles.TITLE_4);
        var launched = runtime.session().launched();
        Label where = new Label("Node " + runtime.session().nodeVersion() + " · "
                + (launched != null ? "PID " + launched.pid() + " (launched by heapscope)"
                : runtime.session().connection().uri().toString()));
        where.getStyleClass().add(Styles.TEXT_MUTED);
        HBox header = new HBox(12, name, where);
        header.getStyleClass().add("runtime-header");
        header.setPadding(new Insets(8, 10, 4, 10));
        return header;
    }

    private Region toolbar() {
        Button gc = button("Force GC", Feather.TRASH_2, "HeapProfiler.collectGarbage: the thorough GC a snapshot runs");
        gc.setId("runtime-gc");
        gc.setOnAction(e -> collectGarbage());
        Button snapshot = button("Take snapshot", Feather.CAMERA, "A heap snapshot over the inspector, opened here");
        snapshot.setId("runtime-snapshot");
        snapshot.setOnAction(e -> takeSnapshot());

        module.setEditable(true);
        module.setId("runtime-module");
        module.setPromptText("module file");
        module.setPrefWidth(380);
        module.setMinWidth(200);
        module.setConverter(new StringConverter<>() {
            @Override
            public String toString(String file) {
                return file;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        action.setId("runtime-action");
        action.setValue(ModuleAction.DELETE);
        action.setConverter(new StringConverter<>() {
            @Override
            public String toString(ModuleAction value) {
                return value == null ? "" : value.label();
            }

            @Override
            public ModuleAction fromString(String text) {
                return null;
            }
        });
        times.setId("runtime-times");
        times.setPrefWidth(90);
        times.setEditable(true);
        times.setTooltip(new Tooltip("How many times in a row"));
        Button run = button("Run", Feather.PLAY, "Run the action on the module");
        run.setId("runtime-run");
        run.setOnAction(e -> applyAction());

        cycles.setId("runtime-cycles");
        cycles.setPrefWidth(90);
        cycles.setEditable(true);
        Button watch = button("Watch", Feather.ACTIVITY,
                "Each cycle: the action (then a reload), GC, snapshot; charts the module's retained size and zombies");
        watch.setId("runtime-watch");
        watch.setOnAction(e -> watch());

        for (var control : List.of(gc, snapshot, module, action, times, run, cycles, watch)) {
            control.disableProperty().bind(busy.or(connected.not()));
            // Text is what tells these apart; wrap the bar rather than shorten them to "…".
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        // One flow, not fixed groups: its minimum width is then its widest control, so a narrow window wraps
        // the bar instead of pushing the window's right edge (and its toolbar) out of sight.
        FlowPane bar = new FlowPane(8, 6, gc, snapshot, gap(), new Label("Module"), module, action, new Label("×"),
                this.times, run, gap(), this.cycles, new Label("cycles"), watch);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("runtime-toolbar");
        bar.setPadding(new Insets(4, 10, 8, 10));
        return bar;
    }

    private Region statusBar() {
        status.setId("runtime-status");
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        progress.setPrefWidth(180);
        progress.visibleProperty().bind(busy);
        cancel.visibleProperty().bind(busy);
        cancel.setId("runtime-cancel");
        cancel.setOnAction(e -> {
            if (current != null) {
                current.cancel();
            }
        });
        HBox bar = new HBox(8, status, progress, cancel);
        bar.getStyleClass().add("runtime-status");
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return bar;
    }

    private static Region gap() {
        Region gap = new Region();
        gap.setPrefWidth(12);
        return gap;
    }

    private static Button button(String text, Feather icon, String tooltip) {
        Button button = new Button(text, new FontIcon(icon));
        button.setTooltip(new Tooltip(tooltip));
        return button;
    }

    /** Fills the module list from the target's cache; {@code announce} says how many in the status line. */
    private void loadModules(boolean announce) {
        String status = this.status.getText();
        run("Listing modules", monitor -> runtime.session().cachedModules(), files -> {
            module.getItems().setAll(files);
            if (module.getValue() == null && !files.isEmpty()) {
                // The main module is rarely what a user reloads; its first dependency usually is.
                module.setValue(files.size() > 1 ? files.get(1) : files.get(0));
            }
            showStatus(announce ? files.size() + " modules in require.cache" : status, false);
        });
    }

    private boolean confirmOnce() {
        if (!confirmed) {
            confirmed = confirmation.confirm("This runs code inside " + runtime.name()
                    + " (through the inspector). Go on, for this runtime from now on?");
        }
        return confirmed;
    }

    void collectGarbage() {
        if (!confirmOnce()) {
            return;
        }
        run("Collecting garbage", monitor -> {
            runtime.collectGarbage();
            return runtime.session().heapUsed();
        }, used -> showStatus("GC done: heap used " + io.heapscope.model.format.ByteSizes.human(used), false));
    }

    void takeSnapshot() {
        Path file = snapshotDirectory.resolve(SnapshotFileNames.next(runtime.name(), ++snapshotCount));
        run("Taking snapshot", monitor -> {
            Files.createDirectories(snapshotDirectory);
            return runtime.takeSnapshot(monitor, file);
        }, snapshot -> {
            showStatus("Snapshot saved as " + file + " (" + snapshot.graph().nodeCount() + " nodes)", false);
            snapshots.accept(file, snapshot);
        });
    }

    void applyAction() {
        String file = module.getEditor().getText();
        if (file == null || file.isBlank()) {
            showStatus("Choose a module first", true);
            return;
        }
        apply(action.getValue(), file.strip(), times.getValue());
    }

    /**
     * Runs {@code chosen} on {@code file} {@code count} times, as the Run button does; also the way other views (the
     * Modules view's context menu) act on this runtime. Ignored while other work runs or once disconnected.
     */
    public void apply(ModuleAction chosen, String file, int count) {
        if (busy.get() || !connected.get() || !confirmOnce()) {
            return;
        }
        module.setValue(file);
        action.setValue(chosen);
        run(chosen.label(), monitor -> runtime.apply(chosen, file, count), result -> {
            showStatus(describe(result, count), false);
            loadModules(false);
        });
    }

    void watch() {
        String file = module.getEditor().getText();
        if (file == null || file.isBlank()) {
            showStatus("Choose a module first", true);
            return;
        }
        if (!confirmOnce()) {
            return;
        }
        WatchPlan plan = new WatchPlan(file.strip(), action.getValue(), null, cycles.getValue(), null);
        ModuleAction mode = action.getValue();
        cycleChart.clear();
        WatchChains chains = new WatchChains();
        run("Watching " + HeapText.shortModuleName(file), monitor -> runtime.watch(plan, monitor,
                new ModuleWatch.Listener() {
                    @Override
                    public void actionDone(int cycle, ModuleActionResult result) {
                    }

                    @Override
                    public void cycleAnalysed(int cycle, HeapAnalysis analysis, ModuleGraph modules,
                                              String resolved) {
                        chains.cycleAnalysed(cycle, analysis, modules, resolved);
                    }

                    @Override
                    public void cycleDone(WatchCycle cycle) {
                        Platform.runLater(() -> cycleChart.add(cycle));
                    }
                }), done -> {
                    cycleChart.finish();
                    showStatus(cycleChart.verdictText(), false);
                    lastWatch.set(new WatchReportWriter.Run("Watch: " + HeapText.shortModuleName(file) + ", "
                            + mode.label().toLowerCase(java.util.Locale.ROOT) + ", " + done.size() + " cycles",
                            "In " + runtime.name() + " (Node " + runtime.session().nodeVersion()
                                    + "), from the heapscope window.", done, GrowthVerdict.of(done), chains));
                });
    }

    /** The last watch run here that finished, for its report (File › Export Report…); empty until one has. */
    public ReadOnlyObjectProperty<WatchReportWriter.Run> lastWatch() {
        return lastWatch.getReadOnlyProperty();
    }

    /**
     * Runs {@code scenario} on this runtime, as {@code heapscope demo} does: a caption above the charts says which
     * phase runs and the verdict of each, the cycle chart follows both phases, and the last snapshot of each phase
     * goes where snapshots taken here go. Starting a demo is the user's go-ahead to run code in the target.
     */
    public void runDemo(DemoScenario scenario, Consumer<DemoResult> onDone) {
        confirmed = true;
        DemoCaption caption = new DemoCaption(scenario);
        ((VBox) getTop()).getChildren().add(0, caption);
        DemoRun demo = new DemoRun(scenario, caption, cycleChart, snapshots, text -> showStatus(text, false));
        // The cycle chart is what the demo is about: give it the room the live chart has otherwise.
        ((SplitPane) getCenter()).setDividerPositions(0.4);
        run("Demo " + scenario.kind().option(), monitor -> scenario.run(runtime, monitor, demo), result -> {
            caption.finished(result.showsLeakAndFix());
            showStatus("Demo done: " + scenario.phases().size() + " phases of " + scenario.cyclesPerPhase()
                    + " cycles", false);
            onDone.accept(result);
        }, caption::failed);
    }

    private static String describe(ModuleActionResult result, int count) {
        String what = result.action().label() + " " + HeapText.shortModuleName(result.file())
                + (count > 1 ? " × " + count : "");
        if (!result.wasCached() && result.action() != ModuleAction.RELOAD) {
            return what + ": it was not in require.cache";
        }
        return what + (result.detachedFrom() > 0 ? ", removed from " + result.detachedFrom() + " children list"
                + (result.detachedFrom() > 1 ? "s" : "") : "");
    }

    private <T> void run(String title, ModelWork<T> work, Consumer<T> onDone) {
        run(title, work, onDone, message -> { });
    }

    private <T> void run(String title, ModelWork<T> work, Consumer<T> onDone, Consumer<String> onStopped) {
        ModelTask<T> task = new ModelTask<>(title, work);
        current = task;
        busy.set(true);
        progress.progressProperty().bind(task.progressProperty());
        showStatus(title + "…", false);
        task.setOnSucceeded(e -> {
            finished(task);
            onDone.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished(task);
            Throwable error = task.getException();
            String message = error.getMessage() == null ? error.toString() : error.getMessage();
            showStatus(title + " failed: " + message, true);
            onStopped.accept(message);
        });
        task.setOnCancelled(e -> {
            finished(task);
            showStatus(title + ": cancelled", false);
            onStopped.accept("cancelled");
        });
        executor.execute(task);
    }

    private void finished(ModelTask<?> task) {
        if (current == task) {
            current = null;
            busy.set(false);
            progress.progressProperty().unbind();
        }
    }

    private void showStatus(String text, boolean error) {
        status.setText(text);
        status.getStyleClass().remove(Styles.DANGER);
        if (error) {
            status.getStyleClass().add(Styles.DANGER);
        }
    }

    // For tests.
    MemoryChart memoryChart() {
        return memoryChart;
    }

    CycleChart cycleChart() {
        return cycleChart;
    }

    String statusText() {
        return status.getText();
    }
}
