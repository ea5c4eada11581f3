package io.heapscope.app;

import atlantafx.base.theme.Styles;
import io.heapscope.model.inspector.InspectorAddress;
import io.heapscope.model.runtime.LiveRuntime;
import io.heapscope.model.runtime.RuntimeSession;
import io.heapscope.model.snapshot.HeapSnapshot;
import io.heapscope.views.runtime.RuntimePane;
import io.heapscope.views.task.ModelTask;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * The Runtimes section of the left tool window: live Node processes, connected or launched by the user, each shown
 * in the centre as a {@link RuntimePane}. Connecting and launching run off the FX thread; a failure is a dialog and
 * nothing else changes. Processes heapscope launched end with their runtime, and with the app.
 */
final class RuntimesPanel extends VBox {
    static final Duration TELEMETRY_INTERVAL = Duration.ofSeconds(1);

    /** Receives a snapshot taken in a runtime, with the runtime it came from. */
    @FunctionalInterface
    interface LiveSnapshotSink {
        void accept(RuntimePane source, Path file, HeapSnapshot snapshot);
    }

    private final Window owner;
    private final LiveSnapshotSink snapshots;
    private final Path snapshotDirectory;
    private final ObservableList<RuntimePane> runtimes = FXCollections.observableArrayList();
    private final ListView<RuntimePane> list = new ListView<>(runtimes);
    private final ExecutorService connecting = ModelTask.daemonExecutor("heapscope-connect", 1);
    private RuntimePane.Confirmation confirmation = this::askUser;

    RuntimesPanel(Window owner, LiveSnapshotSink snapshots, Path snapshotDirectory) {
        this.owner = owner;
        this.snapshots = snapshots;
        this.snapshotDirectory = snapshotDirectory;
        getStyleClass().add("runtimes-panel");
        Label title = new Label("Runtimes");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Button connect = iconButton(Feather.LINK, "Connect to a Node inspector (host:port or ws:// URL)");
        connect.setId("runtime-connect");
        connect.setOnAction(e -> askAndConnect());
        Button launch = iconButton(Feather.PLAY_CIRCLE, "Launch a Node script under the inspector");
        launch.setId("runtime-launch");
        launch.setOnAction(e -> chooseAndLaunch());
        Button disconnect = iconButton(Feather.X_CIRCLE, "Disconnect (ends the process if heapscope launched it)");
        disconnect.setId("runtime-disconnect");
        disconnect.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        disconnect.setOnAction(e -> close(list.getSelectionModel().getSelectedItem()));
        HBox header = new HBox(4, title, new javafx.scene.layout.Region(), connect, launch, disconnect);
        javafx.scene.layout.HBox.setHgrow(header.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        header.setPadding(new javafx.geometry.Insets(6, 6, 4, 8));

        list.setId("runtimes");
        list.setCellFactory(view -> new RuntimeCell());
        list.setPrefHeight(120);
        list.setPlaceholder(new Label("None connected"));
        getChildren().addAll(header, list);
    }

    ListView<RuntimePane> list() {
        return list;
    }

    ObservableList<RuntimePane> runtimes() {
        return runtimes;
    }

    /** Connects to {@code address} (host:port or ws:// URL); {@code onDone} gets the pane, on the FX thread. */
    void connect(String address, boolean allowRemote, Consumer<RuntimePane> onDone) {
        start("Connecting to " + address, () -> RuntimeSession.connect(address, allowRemote), address, onDone);
    }

    /** Launches {@code script} with Node under the inspector, from its own directory. */
    void launch(Path script, Consumer<RuntimePane> onDone) {
        List<String> command = new ArrayList<>(List.of("node"));
        if (script.toString().endsWith(".mjs")) {
            // vm.SourceTextModule, the Jest-style pattern of the samples, needs it on Node 20.
            command.add("--experimental-vm-modules");
        }
        command.add(script.toAbsolutePath().toString());
        start("Launching " + script.getFileName(), () -> RuntimeSession.launch(command,
                script.toAbsolutePath().getParent()), script.getFileName().toString(), onDone);
    }

    /** Closes every runtime: the window is going. */
    void closeAll() {
        List.copyOf(runtimes).forEach(this::close);
        // Not shutdownNow: the closes just queued must still run and end the processes.
        connecting.shutdown();
    }

    void close(RuntimePane pane) {
        if (pane == null) {
            return;
        }
        pane.dispose();
        runtimes.remove(pane);
        // Closing may wait for the process to end; not on the FX thread.
        connecting.execute(() -> pane.runtime().close());
    }

    private interface SessionOpener {
        RuntimeSession open() throws Exception;
    }

    private void start(String title, SessionOpener opener, String name, Consumer<RuntimePane> onDone) {
        ModelTask<LiveRuntime> task = new ModelTask<>(title, monitor -> {
            RuntimeSession session = opener.open();
            LiveRuntime[] holder = new LiveRuntime[1];
            LiveRuntime runtime = new LiveRuntime(name, session, failure -> Platform.runLater(() ->
                    runtimes.stream().filter(p -> p.runtime() == holder[0]).findFirst().ifPresent(p -> {
                        p.markDisconnected(failure.getMessage());
                        list.refresh();
                    })));
            holder[0] = runtime;
            try {
                runtime.startTelemetry(TELEMETRY_INTERVAL);
            } catch (Exception e) {
                runtime.close();
                throw e;
            }
            return runtime;
        });
        task.setOnSucceeded(e -> {
            RuntimePane[] source = new RuntimePane[1];
            RuntimePane pane = new RuntimePane(task.getValue(), question -> confirmation.confirm(question),
                    (file, snapshot) -> snapshots.accept(source[0], file, snapshot), connecting, snapshotDirectory);
            source[0] = pane;
            runtimes.add(pane);
            list.getSelectionModel().select(pane);
            onDone.accept(pane);
        });
        task.setOnFailed(e -> showError(title + " failed", task.getException()));
        connecting.execute(task);
    }

    private void askAndConnect() {
        TextInputDialog dialog = new TextInputDialog("127.0.0.1:9229");
        dialog.initOwner(owner);
        dialog.setTitle("Connect to a Node inspector");
        dialog.setHeaderText("Where does the inspector listen?\n(start Node with --inspect, or send it SIGUSR1)");
        dialog.setContentText("host:port or ws:// URL");
        Optional<String> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get().isBlank()) {
            return;
        }
        String address = answer.get().strip();
        InspectorAddress parsed;
        try {
            parsed = InspectorAddress.parse(address);
        } catch (IllegalArgumentException e) {
            showError("Cannot connect", e);
            return;
        }
        boolean allowRemote = false;
        if (!parsed.isLoopback()) {
            allowRemote = confirmRemote(parsed.host());
            if (!allowRemote) {
                return;
            }
        }
        connect(address, allowRemote, pane -> { });
    }

    private boolean confirmRemote(String host) {
        Alert alert = new Alert(Alert.AlertType.WARNING,
                host + " is not this machine. Whoever can reach a Node inspector can run any code in that "
                        + "process, and the connection is not encrypted. Connect only to a process you trust, "
                        + "over a network you trust.", ButtonType.CANCEL, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle("Connect to another machine?");
        alert.setHeaderText("Connect to an inspector on " + host + "?");
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    private void chooseAndLaunch() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Launch a Node script under the inspector");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Node scripts", "*.js", "*.mjs", "*.cjs"));
        Path samples = Path.of("samples", "runtime").toAbsolutePath();
        if (Files.isDirectory(samples)) {
            chooser.setInitialDirectory(samples.toFile());
        }
        File script = chooser.showOpenDialog(owner);
        if (script != null) {
            launch(script.toPath(), pane -> { });
        }
    }

    /** Replaces the confirmation dialog (tests answer without a dialog). */
    void setConfirmation(RuntimePane.Confirmation confirmation) {
        this.confirmation = confirmation;
    }

    private boolean askUser(String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.CANCEL, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle("Run code in the target?");
        alert.setHeaderText(null);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    private void showError(String header, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("heapscope");
        alert.setHeaderText(header);
        alert.setContentText(error.getMessage() == null ? error.toString() : error.getMessage());
        alert.show();
    }

    private static Button iconButton(Feather icon, String tooltip) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(tooltip));
        return button;
    }

    /** The runtime's name, its Node version, and whether it is still connected. */
    private static final class RuntimeCell extends ListCell<RuntimePane> {
        @Override
        protected void updateItem(RuntimePane pane, boolean empty) {
            super.updateItem(pane, empty);
            if (empty || pane == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(pane.runtime().name());
            setTooltip(new Tooltip("Node " + pane.runtime().session().nodeVersion()
                    + (pane.isConnected() ? "" : ", disconnected")));
            FontIcon icon = new FontIcon(Feather.ACTIVITY);
            icon.getStyleClass().add(pane.isConnected() ? Styles.SUCCESS : Styles.DANGER);
            setGraphic(icon);
        }
    }
}
