package io.heapscope.app;

import atlantafx.base.theme.Styles;
import io.heapscope.app.SnapshotSearch.Result;
import io.heapscope.app.SnapshotSearch.Target;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.Worker;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A search box over the top of the window (Ctrl+Shift+A, or Shift twice: {@link DoubleShift}): class names and {@code @id}s across the loaded snapshots,
 * results as you type, Up/Down to move, Enter or a click to go there, Escape to leave. Snapshots whose class names
 * are still being computed join the results when they are ready.
 */
final class SearchPopup {
    private static final double WIDTH = 560;

    private final Popup popup = new Popup();
    private final TextField field = new TextField();
    private final ListView<Result> results = new ListView<>();
    private final Label placeholder = new Label();
    private final Supplier<List<Target>> targets;
    private final Consumer<Result> choose;
    private List<Target> searched = List.of();

    /**
     * @param targets the snapshots to search, asked each time the popup opens
     * @param choose  shows a chosen result
     */
    SearchPopup(Supplier<List<Target>> targets, Consumer<Result> choose) {
        this.targets = targets;
        this.choose = choose;
        field.setId("search-field");
        field.setPromptText("Class name or @id, across the open snapshots");
        HBox.setHgrow(field, Priority.ALWAYS);
        FontIcon icon = new FontIcon(Feather.SEARCH);
        HBox top = new HBox(8, icon, field);
        top.setAlignment(Pos.CENTER_LEFT);
        results.setId("search-results");
        results.setPrefHeight(320);
        results.setPlaceholder(placeholder);
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.setWrapText(true);
        results.setCellFactory(view -> new ResultCell());
        VBox box = new VBox(8, top, results);
        box.setPrefWidth(WIDTH);
        box.getStyleClass().add("search-popup");
        box.getStylesheets().add(ShellMenus.STYLESHEET);
        popup.getContent().add(box);
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);

        field.textProperty().addListener((observable, old, now) -> update());
        // Up, Down and Enter work from the field, so the hands stay on the keyboard.
        field.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.UP) {
                int index = results.getSelectionModel().getSelectedIndex() + (event.getCode() == KeyCode.DOWN ? 1 : -1);
                if (index >= 0 && index < results.getItems().size()) {
                    results.getSelectionModel().select(index);
                    results.scrollTo(index);
                }
                event.consume();
            } else if (event.getCode() == KeyCode.ENTER) {
                chooseSelected();
                event.consume();
            }
        });
        results.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && results.getSelectionModel().getSelectedItem() != null) {
                chooseSelected();
            }
        });
    }

    /** Opens the popup over {@code owner}'s top centre, the text of the last search selected for retyping. */
    void show(Window owner) {
        searched = targets.get();
        for (Target target : searched) {
            if (target.classes() == null && target.naming().isRunning()) {
                target.naming().stateProperty().addListener((observable, old, now) -> {
                    if (now == Worker.State.SUCCEEDED && popup.isShowing()) {
                        update();
                    }
                });
            }
        }
        update();
        popup.show(owner, owner.getX() + (owner.getWidth() - WIDTH) / 2, owner.getY() + 70);
        field.requestFocus();
        field.selectAll();
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    void hide() {
        popup.hide();
    }

    private void update() {
        List<Result> found = SnapshotSearch.search(searched, field.getText());
        results.getItems().setAll(found);
        if (!found.isEmpty()) {
            results.getSelectionModel().select(0);
        }
        long naming = searched.stream().filter(target -> target.classes() == null).count();
        if (searched.isEmpty()) {
            placeholder.setText("No snapshot is loaded yet.");
        } else if (field.getText().isBlank()) {
            placeholder.setText("Type a class name, or an object id such as @12345.");
        } else {
            placeholder.setText(naming > 0 ? "Nothing found yet; still naming the classes of " + naming
                    + (naming == 1 ? " snapshot…" : " snapshots…") : "No class or object matches.");
        }
    }

    private void chooseSelected() {
        Result result = results.getSelectionModel().getSelectedItem();
        if (result != null) {
            popup.hide();
            choose.accept(result);
        }
    }

    /** A result: an icon for its kind, its name, and muted where it is (counts and snapshot). */
    private static final class ResultCell extends ListCell<Result> {
        private final FontIcon icon = new FontIcon();
        private final Label text = new Label();
        private final Label detail = new Label();
        private final HBox row;

        ResultCell() {
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            detail.setMinWidth(Region.USE_PREF_SIZE);
            text.setMinWidth(0);
            Region spring = new Region();
            HBox.setHgrow(spring, Priority.ALWAYS);
            row = new HBox(8, icon, text, spring, detail);
            row.setAlignment(Pos.CENTER_LEFT);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Result item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            icon.setIconCode(item.isObject() ? Feather.CROSSHAIR : Feather.BOX);
            text.setText(item.text());
            detail.setText(item.detail());
            setGraphic(row);
        }
    }
}
