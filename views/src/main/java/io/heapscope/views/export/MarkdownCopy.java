package io.heapscope.views.export;

import io.heapscope.model.report.MarkdownTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Copy as Markdown" for the views' tables and trees: the selected rows with the visible columns, as a
 * {@link MarkdownTable} (the report's own), put on the clipboard from a context menu item or Ctrl+Shift+C. Each
 * view says how its columns write a row ({@link Column}), with the sizes human-readable as its cells show them; a
 * nested row's first cell starts with one {@value #NESTED} per level below the top, so the tree's shape survives.
 */
public final class MarkdownCopy {
    public static final KeyCombination SHORTCUT = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final String COPY_TEXT = "Copy as Markdown";
    /** Marks one level of nesting in a tree's first column. */
    public static final String NESTED = "\u21b3 ";

    private MarkdownCopy() {
    }

    /**
     * A column of the copied table: the view's own column (for its header and whether it is shown) and the text
     * of a row in it.
     */
    public record Column<S>(TableColumnBase<?, ?> column, Function<S, String> text, boolean number) {
        public Column {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The selected rows of {@code view} (in the order shown) whose value {@code copyable} accepts, with the visible
     * columns of {@code columns}; {@code null} when no such row is selected.
     */
    public static <S> String selectedRows(TreeTableView<S> view, List<Column<S>> columns, Predicate<S> copyable) {
        List<TreeItem<S>> selected = new ArrayList<>(view.getSelectionModel().getSelectedItems());
        selected.removeIf(item -> item == null || item.getValue() == null || !copyable.test(item.getValue()));
        if (selected.isEmpty()) {
            return null;
        }
        selected.sort(Comparator.comparingInt(view::getRow));
        int top = view.isShowRoot() ? 0 : 1;
        List<Column<S>> shown = shown(columns);
        MarkdownTable table = table(shown);
        for (TreeItem<S> item : selected) {
            int depth = Math.max(0, view.getTreeItemLevel(item) - top);
            List<String> cells = cells(shown, item.getValue());
            cells.set(0, NESTED.repeat(depth) + cells.get(0));
            table.row(cells);
        }
        return table.toString();
    }

    /** The selected rows of {@code view} in the order shown, with the visible columns; {@code null} if none. */
    public static <S> String selectedRows(TableView<S> view, List<Column<S>> columns) {
        List<Integer> indices = new ArrayList<>(view.getSelectionModel().getSelectedIndices());
        if (indices.isEmpty()) {
            return null;
        }
        indices.sort(Comparator.naturalOrder());
        List<Column<S>> shown = shown(columns);
        MarkdownTable table = table(shown);
        for (int index : indices) {
            table.row(cells(shown, view.getItems().get(index)));
        }
        return table.toString();
    }

    /** Every row of {@code rows}, with the visible columns: a small table with no selection (Statistics). */
    public static <S> String allRows(List<S> rows, List<Column<S>> columns) {
        List<Column<S>> shown = shown(columns);
        MarkdownTable table = table(shown);
        rows.forEach(row -> table.row(cells(shown, row)));
        return table.toString();
    }

    /** Puts {@code markdown} on the system clipboard as plain text; nothing for {@code null}. */
    public static void toClipboard(String markdown) {
        if (markdown == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(markdown);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /**
     * Offers {@code copy} (what to copy, or {@code null} for nothing) on {@code control}: a context menu item
     * (added to the control's menu, or a new one) and Ctrl+Shift+C while the control has the focus.
     */
    public static void install(Control control, Supplier<String> copy) {
        install(control, COPY_TEXT, copy, true);
    }

    /**
     * Offers {@code copy} under {@code text} on {@code control}'s context menu; with {@code shortcut} also on
     * Ctrl+Shift+C while the control has the focus.
     */
    public static void install(Control control, String text, Supplier<String> copy, boolean shortcut) {
        MenuItem item = menuItem(text, copy);
        if (shortcut) {
            item.setAccelerator(SHORTCUT);
            control.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
                if (SHORTCUT.match(event)) {
                    toClipboard(copy.get());
                    event.consume();
                }
            });
        }
        ContextMenu menu = control.getContextMenu();
        if (menu == null) {
            control.setContextMenu(new ContextMenu(item));
        } else {
            if (!menu.getItems().isEmpty()) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            menu.getItems().add(item);
        }
    }

    /**
     * The same for a node that is no control (a pane, a grid): its own context menu, shown on request, and
     * Ctrl+Shift+C while the focus is inside it; a click on it gives it the focus, as a control would take it.
     */
    public static ContextMenu installOn(javafx.scene.Node node, String text, Supplier<String> copy) {
        MenuItem item = menuItem(text, copy);
        item.setAccelerator(SHORTCUT);
        ContextMenu menu = new ContextMenu(item);
        node.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, event -> node.requestFocus());
        node.setOnContextMenuRequested(event -> {
            menu.show(node, event.getScreenX(), event.getScreenY());
            event.consume();
        });
        node.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (SHORTCUT.match(event)) {
                toClipboard(copy.get());
                event.consume();
            }
        });
        return menu;
    }

    /** A menu item that copies what {@code copy} gives; disabled while that is nothing. */
    public static MenuItem menuItem(String text, Supplier<String> copy) {
        MenuItem item = new MenuItem(text, new FontIcon(Feather.CLIPBOARD));
        item.getStyleClass().add("copy-markdown");
        item.setOnAction(event -> toClipboard(copy.get()));
        item.parentPopupProperty().addListener((observable, old, popup) -> {
            if (popup != null) {
                popup.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING,
                        event -> item.setDisable(copy.get() == null));
            }
        });
        return item;
    }

    private static <S> List<Column<S>> shown(List<Column<S>> columns) {
        return columns.stream().filter(column -> column.column().isVisible()).toList();
    }

    private static <S> MarkdownTable table(List<Column<S>> columns) {
        MarkdownTable table = new MarkdownTable();
        for (Column<S> column : columns) {
            // A nested column ("before" under "Retained size") is named with its parent's header.
            TableColumnBase<?, ?> parent = column.column().getParentColumn();
            String header = parent == null ? column.column().getText()
                    : parent.getText() + " " + column.column().getText();
            if (column.number()) {
                table.numberColumn(header);
            } else {
                table.column(header);
            }
        }
        return table;
    }

    private static <S> List<String> cells(List<Column<S>> columns, S row) {
        List<String> cells = new ArrayList<>(columns.size());
        for (Column<S> column : columns) {
            cells.add(column.text().apply(row));
        }
        return cells;
    }
}
