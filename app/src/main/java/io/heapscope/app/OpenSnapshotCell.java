package io.heapscope.app;

import atlantafx.base.theme.Styles;
import io.heapscope.app.OpenSnapshot.State;
import io.heapscope.model.format.ByteSizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A snapshot in the window's list: its file name with a close button, and below it a progress bar with a cancel
 * button while it loads, its node count, heap size, file size and when it was taken (the file's time) once loaded,
 * or an error marker. The nodes are made once per cell; a new item only rebinds them, and the state shows as a
 * pseudo-class ({@code :loading}, {@code :loaded}, {@code :failed}).
 */
final class OpenSnapshotCell extends ListCell<OpenSnapshot> {
    private static final PseudoClass LOADING = PseudoClass.getPseudoClass("loading");
    private static final PseudoClass LOADED = PseudoClass.getPseudoClass("loaded");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Label name = new Label();
    private final Button close = new Button(null, new FontIcon(Feather.X));
    private final HBox nameRow = new HBox(4, name, spring(), close);
    private final Label taken = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button(null, new FontIcon(Feather.X));
    private final HBox loadingRow = new HBox(6, progress, cancel);
    private final Label details = new Label();
    private final Label failed = new Label("could not be read", new FontIcon(Feather.ALERT_CIRCLE));
    private final VBox content = new VBox(2, nameRow, loadingRow, details, taken, failed);
    private final ChangeListener<State> stateListener = (observable, old, now) -> showState();

    /** @param onClose closes a snapshot, as Ctrl+W does for the selected one */
    OpenSnapshotCell(Consumer<OpenSnapshot> onClose) {
        getStyleClass().add("open-snapshot-cell");
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(0);
        nameRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "close-snapshot");
        close.setTooltip(new Tooltip("Close this snapshot"));
        close.setOnAction(event -> {
            if (getItem() != null) {
                onClose.accept(getItem());
            }
        });
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        loadingRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        cancel.setId("cancel-load");
        cancel.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        cancel.setTooltip(new Tooltip("Cancel loading"));
        cancel.setOnAction(event -> {
            if (getItem() != null) {
                getItem().cancel();
            }
        });
        details.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        taken.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        failed.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        for (var node : content.getChildren()) {
            node.managedProperty().bind(node.visibleProperty());
        }
        // Without this a long file name widens the cell past the list and brings a horizontal scroll bar.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(OpenSnapshot item, boolean empty) {
        OpenSnapshot previous = getItem();
        if (previous != null) {
            previous.stateProperty().removeListener(stateListener);
            progress.progressProperty().unbind();
        }
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setTooltip(null);
            showState();
            return;
        }
        name.setText(shortName(item.file()));
        setTooltip(new Tooltip(item.file().toString()));
        progress.progressProperty().bind(item.worker().progressProperty());
        item.stateProperty().addListener(stateListener);
        setGraphic(content);
        showState();
    }

    private static Region spring() {
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        return spring;
    }

    /**
     * When the snapshot was taken, as far as the file tells (its modification time) and its size on disk: "taken
     * today 14:02 · 1.4 MB file". Read when shown, so a file rewritten since shows its new time.
     */
    static String fileFacts(Path file) {
        try {
            LocalDateTime time = LocalDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(),
                    ZoneId.systemDefault());
            LocalDate today = LocalDate.now();
            String day = time.toLocalDate().equals(today) ? "today"
                    : time.toLocalDate().equals(today.minusDays(1)) ? "yesterday"
                    : time.getYear() == today.getYear() ? DAY.format(time) : DATE.format(time);
            return "taken " + day + " " + TIME.format(time) + " \u00b7 " + ByteSizes.human(Files.size(file)) + " file";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The file name without {@code .heapsnapshot} or {@code .heapsnapshot.gz}: every entry has one, and it would
     * push the part that tells snapshots apart out of a narrow list. The tooltip has the whole path.
     */
    static String shortName(Path file) {
        String name = file.getFileName().toString();
        String shorter = name.replaceFirst("\\.heapsnapshot(\\.gz)?$", "");
        return shorter.isEmpty() ? name : shorter;
    }

    private void showState() {
        OpenSnapshot item = isEmpty() ? null : getItem();
        State state = item == null ? null : item.state();
        pseudoClassStateChanged(LOADING, state == State.LOADING);
        pseudoClassStateChanged(LOADED, state == State.LOADED);
        pseudoClassStateChanged(FAILED, state == State.FAILED);
        loadingRow.setVisible(state == State.LOADING);
        details.setVisible(state == State.LOADED || state == State.CANCELLED);
        taken.setVisible(state == State.LOADED);
        // While it loads, the progress row's cancel button is the one way out; two crosses would confuse.
        close.setVisible(state != null && state != State.LOADING);
        failed.setVisible(state == State.FAILED);
        if (state == State.LOADED) {
            var info = item.loaded().info();
            details.setText(ByteSizes.grouped(info.nodeCount()) + " nodes · " + ByteSizes.human(info.totalSelfSize())
                    + " heap");
            taken.setText(fileFacts(item.file()));
        } else if (state == State.CANCELLED) {
            details.setText("cancelled");
        }
    }
}
