package io.heapscope.app;

import atlantafx.base.theme.Styles;
import io.heapscope.app.OpenSnapshot.State;
import io.heapscope.model.format.ByteSizes;
import java.nio.file.Path;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A snapshot in the window's list: its file name, and below it a progress bar with a cancel button while it loads,
 * its node count and self size once loaded, or an error marker. The nodes are made once per cell; a new item only
 * rebinds them, and the state shows as a pseudo-class ({@code :loading}, {@code :loaded}, {@code :failed}).
 */
final class OpenSnapshotCell extends ListCell<OpenSnapshot> {
    private static final PseudoClass LOADING = PseudoClass.getPseudoClass("loading");
    private static final PseudoClass LOADED = PseudoClass.getPseudoClass("loaded");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final Label name = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button(null, new FontIcon(Feather.X));
    private final HBox loadingRow = new HBox(6, progress, cancel);
    private final Label details = new Label();
    private final Label failed = new Label("could not be read", new FontIcon(Feather.ALERT_CIRCLE));
    private final VBox content = new VBox(4, name, loadingRow, details, failed);
    private final ChangeListener<State> stateListener = (observable, old, now) -> showState();

    OpenSnapshotCell() {
        name.getStyleClass().add(Styles.TEXT_BOLD);
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
        failed.setVisible(state == State.FAILED);
        if (state == State.LOADED) {
            var info = item.loaded().info();
            details.setText(ByteSizes.grouped(info.nodeCount()) + " nodes · " + ByteSizes.human(info.totalSelfSize()));
        } else if (state == State.CANCELLED) {
            details.setText("cancelled");
        }
    }
}
