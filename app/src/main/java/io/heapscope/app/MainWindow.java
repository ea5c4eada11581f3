package io.heapscope.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: a toolbar, the opened files on the left, the selected snapshot in the centre.
 *
 * <p>For now it only keeps the list of opened files; loading them is wired in separately.
 */
final class MainWindow {
    static final String TITLE = "heapscope";

    private static final KeyCombination OPEN_SHORTCUT = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);

    private final Stage stage;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    MainWindow(Stage stage) {
        this.stage = stage;

        Button open = new Button("Open…", new FontIcon(Feather.FOLDER));
        open.setId("open");
        open.setTooltip(new Tooltip("Open a heap snapshot (" + OPEN_SHORTCUT.getDisplayText() + ")"));
        open.setOnAction(event -> chooseFiles());

        ListView<Path> fileList = new ListView<>(files);
        fileList.setId("files");
        fileList.setCellFactory(list -> new FileNameCell());
        fileList.setPrefWidth(240);
        // An empty list beside the placeholder would only take room; it appears with the first file.
        fileList.visibleProperty().bind(Bindings.isNotEmpty(files));
        fileList.managedProperty().bind(fileList.visibleProperty());

        Label placeholder = new Label("Open a heap snapshot (" + OPEN_SHORTCUT.getDisplayText() + ")");
        placeholder.setId("placeholder");

        BorderPane root = new BorderPane(placeholder);
        root.setTop(new ToolBar(open));
        root.setLeft(fileList);

        Scene scene = new Scene(root, 1100, 720);
        scene.getAccelerators().put(OPEN_SHORTCUT, this::chooseFiles);
        stage.setTitle(TITLE);
        stage.setScene(scene);
    }

    /** The files opened so far, in the order they were opened; each appears once. */
    ObservableList<Path> files() {
        return files;
    }

    void open(List<Path> paths) {
        for (Path path : paths) {
            Path absolute = path.toAbsolutePath().normalize();
            if (!files.contains(absolute)) {
                files.add(absolute);
            }
        }
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open heap snapshots");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Heap snapshots", "*.heapsnapshot"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> chosen = chooser.showOpenMultipleDialog(stage);
        // null when the dialog was cancelled.
        if (chosen != null) {
            open(chosen.stream().map(File::toPath).toList());
        }
    }

    /** Shows only the file name; the full path is in the tooltip. */
    private static final class FileNameCell extends ListCell<Path> {
        @Override
        protected void updateItem(Path path, boolean empty) {
            super.updateItem(path, empty);
            if (empty || path == null) {
                setText(null);
                setTooltip(null);
            } else {
                setText(path.getFileName().toString());
                setTooltip(new Tooltip(path.toString()));
            }
        }
    }
}
