package io.heapscope.app;

import atlantafx.base.theme.Styles;
import io.heapscope.app.OpenSnapshot.State;
import io.heapscope.views.comparison.ComparedSnapshot;
import io.heapscope.views.task.ModelTask;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import io.heapscope.views.report.WatchReportWriter;
import io.heapscope.views.runtime.RuntimePane;
import io.heapscope.model.snapshot.HeapSnapshot;

/**
 * The main window: menus and a toolbar, the opened snapshots on the left, the selected snapshot in the centre (the
 * welcome page while none is open). The shell's parts live in their own classes: {@link ShellMenus},
 * {@link WelcomePage}, {@link SearchPopup}, {@link Navigation} over the {@link SelectionHistory}, and the
 * {@link Settings} behind {@link ThemeSwitch}, {@link WindowLayout} and {@link RecentFiles}.
 *
 * <p>Files come from the command line, the Open… button (Ctrl+O) or a drop onto the window. Each loads on its own
 * task off the FX thread; a failure is reported in a dialog and leaves the other snapshots alone, a cancelled load
 * leaves the list.
 */
final class MainWindow {
    static final String TITLE = "heapscope";

    private static final KeyCombination OPEN_SHORTCUT = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination CLOSE_SHORTCUT = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);
    /**
     * Two loads at a time: each already keeps two threads busy, and each needs memory of several times its file, so
     * more at once would only compete. Further loads wait their turn in the list.
     */
    private static final int LOAD_THREADS = 2;
    /**
     * The first run's size: wide enough for every view tab's header beside the left tool window (at 1100 the last
     * ones went into the tab pane's overflow menu), and within a 1366x768 laptop screen.
     */
    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 740;
    /** The left tool window's first width: the snapshot entries' name, counts and date fit. */
    static final double LEFT_WIDTH = 240;
    private static final double LEFT_MIN_WIDTH = 160;

    private final Stage stage;
    private final OpenSnapshot.Loader loader;
    private final ObservableList<OpenSnapshot> snapshots = FXCollections.observableArrayList();
    private final ListView<OpenSnapshot> list = new ListView<>(snapshots);
    /** The left tool window beside {@link #root}, split so the user can set its width. */
    private final SplitPane body = new SplitPane();
    private final BorderPane root = new BorderPane();
    private final Label placeholder = new Label("Open a heap snapshot (" + OPEN_SHORTCUT.getDisplayText() + ")");
    /** Made on first show and kept: the views are cheap to keep and their state (sort, expansion) should survive. */
    private final Map<OpenSnapshot, SnapshotTabs> views = new HashMap<>();
    /** The loaded snapshots as the Comparison views see them, in the order they finished loading. */
    private final ObservableList<ComparedSnapshot> loadedSnapshots = FXCollections.observableArrayList();
    private final Map<OpenSnapshot, ComparedSnapshot> compared = new HashMap<>();
    private final ChangeListener<State> selectedStateListener = (observable, old, now) -> showSelected();
    private final ExecutorService loads = ModelTask.daemonExecutor("heapscope-load", LOAD_THREADS);
    private final RuntimesPanel runtimesPanel;
    /** Snapshots taken in a runtime, with it: their Modules view can act on the runtime while it is connected. */
    private final Map<OpenSnapshot, RuntimePane> liveSources = new HashMap<>();
    private final RecentFiles recent;
    private final ThemeSwitch theme;
    private final WindowLayout layout;
    private final SelectionHistory history = new SelectionHistory();
    private final Navigation navigation;
    private final SearchPopup search;
    private final WelcomePage welcome;

    MainWindow(Stage stage) {
        this(stage, OpenSnapshot::read, Settings.load());
    }

    MainWindow(Stage stage, OpenSnapshot.Loader loader) {
        this(stage, loader, Settings.load());
    }

    /** @param settings what the window remembers between runs (theme, bounds, layout, recent files) */
    MainWindow(Stage stage, OpenSnapshot.Loader loader, Settings settings) {
        this.stage = stage;
        this.loader = loader;
        recent = new RecentFiles(settings);
        theme = new ThemeSwitch(settings);
        layout = new WindowLayout(settings);
        navigation = new Navigation(history, snapshots, this::select, this::viewsOf);
        search = new SearchPopup(navigation::searchTargets, navigation::show);
        welcome = new WelcomePage(recent.files(), SampleSnapshots.find(), file -> open(List.of(file)),
                this::chooseFiles, OPEN_SHORTCUT.getDisplayText());

        Button open = new Button("Open…", new FontIcon(Feather.FOLDER));
        open.setId("open");
        open.setTooltip(new Tooltip("Open heap snapshots (" + OPEN_SHORTCUT.getDisplayText() + ")"));
        open.setOnAction(event -> chooseFiles());
        Button close = new Button("Close", new FontIcon(Feather.X));
        close.setId("close");
        close.setTooltip(new Tooltip("Close the selected snapshot (" + CLOSE_SHORTCUT.getDisplayText() + ")"));
        close.setOnAction(event -> closeSelected());
        close.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());

        list.setId("files");
        list.setCellFactory(view -> new OpenSnapshotCell(this::close));
        // An empty list beside the placeholder would only take room; it appears with the first file.
        list.visibleProperty().bind(Bindings.isNotEmpty(snapshots));
        list.managedProperty().bind(list.visibleProperty());
        runtimesPanel = new RuntimesPanel(stage, this::openLive, LiveSnapshots.directory());
        list.getSelectionModel().selectedItemProperty().addListener((observable, old, now) -> {
            if (old != null) {
                old.stateProperty().removeListener(selectedStateListener);
            }
            if (now != null) {
                now.stateProperty().addListener(selectedStateListener);
                runtimesPanel.list().getSelectionModel().clearSelection();
            }
            showSelected();
        });
        runtimesPanel.list().getSelectionModel().selectedItemProperty().addListener((observable, old, now) -> {
            if (now != null) {
                list.getSelectionModel().clearSelection();
                root.setCenter(now);
            } else if (list.getSelectionModel().isEmpty()) {
                showSelected();
            }
        });

        placeholder.setId("placeholder");
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        BooleanExpression noSnapshot = list.getSelectionModel().selectedItemProperty().isNull();
        // A shown runtime has a report too: its last watch's.
        ShellMenus menus = new ShellMenus(shellActions(), recent, theme, history, noSnapshot,
                noSnapshot.and(runtimesPanel.list().getSelectionModel().selectedItemProperty().isNull()));
        ToolBar toolBar = new ToolBar(open, close);
        toolBar.getItems().addAll(menus.toolbarItems(theme));
        // The Runtimes section stays at the bottom, also while the snapshot list is hidden for being empty.
        Region keepRuntimesDown = new Region();
        keepRuntimesDown.visibleProperty().bind(list.visibleProperty().not());
        keepRuntimesDown.managedProperty().bind(keepRuntimesDown.visibleProperty());
        VBox left = new VBox(list, keepRuntimesDown, runtimesPanel);
        left.setId("left-tool-window");
        left.setMinWidth(LEFT_MIN_WIDTH);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox.setVgrow(keepRuntimesDown, Priority.ALWAYS);
        root.setCenter(welcome);
        root.setMinWidth(0);
        // A split, so the user can widen the list for long file names; the width is remembered (WindowLayout).
        body.setId("window-body");
        body.getItems().setAll(left, root);
        // The left tool window keeps its width when the window is resized; the snapshot views take the change.
        SplitPane.setResizableWithParent(left, false);
        BorderPane frame = new BorderPane(body);
        frame.setTop(new VBox(menus.menuBar(), toolBar));

        Scene scene = new Scene(frame, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(ShellMenus.STYLESHEET);
        scene.getAccelerators().put(OPEN_SHORTCUT, this::chooseFiles);
        scene.getAccelerators().put(CLOSE_SHORTCUT, this::closeSelected);
        // Also the menus' accelerators; put here too so they work before the menu bar's skin exists.
        scene.getAccelerators().put(ShellMenus.FILTER, this::focusFilter);
        scene.getAccelerators().put(ShellMenus.SEARCH, () -> search.show(stage));
        DoubleShift doubleShift = new DoubleShift(() -> search.show(stage));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, doubleShift);
        scene.addEventFilter(KeyEvent.KEY_RELEASED, doubleShift);
        scene.getAccelerators().put(ShellMenus.BACK, navigation::back);
        scene.getAccelerators().put(ShellMenus.FORWARD, navigation::forward);
        scene.setOnDragOver(this::acceptFiles);
        scene.setOnDragDropped(this::openDropped);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        layout.restore(stage);
        layout.followLeftWidth(body, left, LEFT_WIDTH);
        // Loads still running when the window goes have no one to show them to; stop them and free their memory.
        stage.setOnHidden(event -> {
            runtimesPanel.closeAll();
            snapshots.forEach(OpenSnapshot::cancel);
            loads.shutdownNow();
        });
    }

    /** The centre of the window, right of the left tool window: the selected snapshot or runtime (or welcome). */
    BorderPane root() {
        return root;
    }

    /** The left tool window and the centre, split. */
    SplitPane body() {
        return body;
    }

    /** The Runtimes section of the left tool window. */
    RuntimesPanel runtimes() {
        return runtimesPanel;
    }

    /**
     * Adds a snapshot taken in a runtime (already read while it streamed in, and saved as {@code file}); it is
     * analysed off the FX thread like a file, without being read again.
     */
    void openLive(RuntimePane source, Path file, HeapSnapshot snapshot) {
        OpenSnapshot entry = new OpenSnapshot(file.toAbsolutePath().normalize(),
                (path, monitor) -> OpenSnapshot.analyse(snapshot, monitor));
        liveSources.put(entry, source);
        watch(entry);
        snapshots.add(entry);
        entry.load(loads);
    }

    /** The views of {@code entry}, or {@code null} if it was never shown loaded. */
    SnapshotTabs views(OpenSnapshot entry) {
        return views.get(entry);
    }

    /**
     * The views of a loaded {@code entry}, made on first use: they follow the remembered layout and report their
     * selections to the history.
     */
    SnapshotTabs viewsOf(OpenSnapshot entry) {
        SnapshotTabs made = views.get(entry);
        if (made == null) {
            made = tabsOf(entry);
            layout.follow(made);
            made.setOnSelection((tabId, node) -> history.visit(new SelectionHistory.Place(entry, tabId, node)));
            views.put(entry, made);
        }
        return made;
    }

    /** Back and Forward through the selections, and the search popup: for tests. */
    SelectionHistory history() {
        return history;
    }

    SearchPopup search() {
        return search;
    }

    ThemeSwitch theme() {
        return theme;
    }

    private ShellMenus.Actions shellActions() {
        return new ShellMenus.Actions() {
            @Override
            public void chooseFiles() {
                MainWindow.this.chooseFiles();
            }

            @Override
            public void open(Path file) {
                MainWindow.this.open(List.of(file));
            }

            @Override
            public void closeSelected() {
                MainWindow.this.closeSelected();
            }

            @Override
            public void exportReport() {
                MainWindow.this.exportReport();
            }

            @Override
            public void focusFilter() {
                MainWindow.this.focusFilter();
            }

            @Override
            public void search() {
                search.show(stage);
            }

            @Override
            public void back() {
                navigation.back();
            }

            @Override
            public void forward() {
                navigation.forward();
            }

            @Override
            public void quit() {
                stage.close();
            }
        };
    }

    /** Ctrl+F: the filter of the view shown, if it has one. */
    private void focusFilter() {
        OpenSnapshot selected = list.getSelectionModel().getSelectedItem();
        SnapshotTabs shown = selected == null ? null : views.get(selected);
        if (shown != null && root.getCenter() == shown) {
            shown.focusFilter();
        }
    }

    /** Shows {@code entry}, as clicking it in the list does. */
    void select(OpenSnapshot entry) {
        list.getSelectionModel().select(entry);
    }

    /** The snapshots in the list, in the order they were opened; a file appears once. */
    ObservableList<OpenSnapshot> snapshots() {
        return snapshots;
    }

    /**
     * Starts loading each file that is not already open, and selects the first of {@code paths}. A file whose
     * earlier load failed is loaded again: it may have been fixed since.
     */
    void open(List<Path> paths) {
        OpenSnapshot first = null;
        for (Path path : paths) {
            Path file = path.toAbsolutePath().normalize();
            OpenSnapshot entry = find(file);
            if (entry != null && entry.state() == State.FAILED) {
                close(entry);
                entry = null;
            }
            if (entry == null) {
                entry = new OpenSnapshot(file, loader);
                watch(entry);
                snapshots.add(entry);
                entry.load(loads);
            }
            if (first == null) {
                first = entry;
            }
        }
        if (first != null) {
            list.getSelectionModel().select(first);
        }
    }

    private OpenSnapshot find(Path file) {
        return snapshots.stream().filter(entry -> entry.file().equals(file)).findFirst().orElse(null);
    }

    private void watch(OpenSnapshot entry) {
        entry.stateProperty().addListener((observable, old, now) -> {
            if (now == State.CANCELLED) {
                close(entry);
            } else if (now == State.LOADED) {
                if (!liveSources.containsKey(entry)) {
                    recent.add(entry.file());
                }
                OpenSnapshot.Loaded loaded = entry.loaded();
                ComparedSnapshot snapshot = new ComparedSnapshot(entry.file().getFileName().toString(),
                        loaded.snapshot(), loaded.analysis(), loaded.modules());
                compared.put(entry, snapshot);
                loadedSnapshots.add(snapshot);
            } else if (now == State.FAILED) {
                showFailure(entry);
            }
        });
    }

    private void showFailure(OpenSnapshot entry) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(stage);
        alert.setTitle(TITLE);
        alert.setHeaderText("Could not open " + entry.file().getFileName());
        alert.setContentText(entry.failureMessage());
        // Not showAndWait: several loads may fail at once, and the rest of the window stays usable meanwhile.
        alert.show();
    }

    /**
     * File › Export Report…: the selected snapshot's report, with its comparison when the Comparison has a base; or,
     * when a runtime is shown, the report of its last watch.
     */
    private void exportReport() {
        OpenSnapshot selected = list.getSelectionModel().getSelectedItem();
        RuntimePane runtime = runtimesPanel.list().getSelectionModel().getSelectedItem();
        if (selected == null && runtime != null) {
            exportWatchReport(runtime);
            return;
        }
        if (selected == null || selected.state() != State.LOADED) {
            return;
        }
        SnapshotTabs tabs = views.get(selected);
        ReportExport.run(stage, selected.file(), selected.loaded(), tabs == null ? null : tabs.comparisonBase(),
                loads);
    }

    private void exportWatchReport(RuntimePane runtime) {
        WatchReportWriter.Run watch = runtime.lastWatch().get();
        if (watch == null) {
            Alert alert = new Alert(Alert.AlertType.INFORMATION);
            alert.initOwner(stage);
            alert.setTitle(TITLE);
            alert.setHeaderText("No watch to report yet");
            alert.setContentText("Run a watch on " + runtime.runtime().name() + " (the Watch button), then export its "
                    + "report: the per-cycle chart, the verdict and a zombie's retainer chain before and after.");
            alert.show();
            return;
        }
        ReportExport.runWatch(stage, runtime.runtime().name(), watch, loads);
    }

    private void closeSelected() {
        OpenSnapshot selected = list.getSelectionModel().getSelectedItem();
        if (selected != null) {
            close(selected);
        }
    }

    /** Removes {@code entry}, cancelling its load if it is still running. */
    private void close(OpenSnapshot entry) {
        entry.cancel();
        liveSources.remove(entry);
        history.forget(entry);
        views.remove(entry);
        ComparedSnapshot snapshot = compared.remove(entry);
        if (snapshot != null) {
            loadedSnapshots.remove(snapshot);
        }
        snapshots.remove(entry);
    }

    private void showSelected() {
        OpenSnapshot selected = list.getSelectionModel().getSelectedItem();
        RuntimePane runtime = runtimesPanel.list().getSelectionModel().getSelectedItem();
        if (selected == null && runtime != null) {
            root.setCenter(runtime);
            return;
        }
        Node centre;
        if (selected == null) {
            placeholder.setText("Select a snapshot");
            centre = snapshots.isEmpty() ? welcome : placeholder;
        } else {
            centre = switch (selected.state()) {
                case LOADED -> viewsOf(selected);
                case LOADING -> loadingView(selected);
                case FAILED -> failedView(selected);
                // A cancelled load is leaving the list; this is only seen for that moment.
                case CANCELLED -> placeholder;
            };
        }
        root.setCenter(centre);
    }

    private SnapshotTabs tabsOf(OpenSnapshot entry) {
        SnapshotTabs tabs = new SnapshotTabs(entry.file(), entry.loaded(), compared.get(entry), loadedSnapshots, loads);
        RuntimePane source = liveSources.get(entry);
        if (source != null && source.isConnected()) {
            tabs.setModuleActions(source.runtime().name(), (module, action) -> {
                runtimesPanel.list().getSelectionModel().select(source);
                source.apply(action, module.name(), 1);
            });
        }
        return tabs;
    }

    private static Node loadingView(OpenSnapshot entry) {
        Label title = new Label("Loading " + entry.file().getFileName());
        title.getStyleClass().add(Styles.TITLE_4);
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(320);
        bar.progressProperty().bind(entry.worker().progressProperty());
        Label phase = new Label();
        phase.getStyleClass().add(Styles.TEXT_MUTED);
        phase.textProperty().bind(entry.worker().messageProperty());
        Button cancel = new Button("Cancel", new FontIcon(Feather.X));
        cancel.setOnAction(event -> entry.cancel());
        VBox box = new VBox(12, title, bar, phase, cancel);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static Node failedView(OpenSnapshot entry) {
        Label title = new Label("Could not open " + entry.file().getFileName());
        title.getStyleClass().add(Styles.TITLE_4);
        Label message = new Label(entry.failureMessage());
        message.getStyleClass().add(Styles.DANGER);
        message.setWrapText(true);
        VBox box = new VBox(12, title, message);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(24));
        return box;
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open heap snapshots");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Heap snapshots", "*.heapsnapshot", "*.heapsnapshot.gz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> chosen = chooser.showOpenMultipleDialog(stage);
        // null when the dialog was cancelled.
        if (chosen != null) {
            open(chosen.stream().map(File::toPath).toList());
        }
    }

    private void acceptFiles(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void openDropped(DragEvent event) {
        boolean hasFiles = event.getDragboard().hasFiles();
        if (hasFiles) {
            open(event.getDragboard().getFiles().stream().map(File::toPath).toList());
        }
        event.setDropCompleted(hasFiles);
        event.consume();
    }
}
