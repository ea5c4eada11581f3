package io.heapscope.views.summary;

import atlantafx.base.theme.Styles;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.classes.ClassSummary;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.format.HeapText;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.views.heap.HeapClasses;
import io.heapscope.views.heap.HeapItems;
import io.heapscope.views.heap.HeapRow;
import io.heapscope.views.heap.HeapRow.ClassEntry;
import io.heapscope.views.heap.HeapRow.MoreEntry;
import io.heapscope.views.heap.HeapTreeTable;
import io.heapscope.views.heap.NodeView;
import io.heapscope.views.tree.PagedTreeItem;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * DevTools' Summary: one row per class (Constructor, Distance, Count, Shallow and Retained Size with their share of
 * the heap), sortable by every column; a class expands to its instances, an instance to its outgoing edges
 * ({@code name :: Target @id}), recursively, each list a page at a time. The filter narrows the classes by name;
 * {@code @12345} and Enter finds an object: in its class's list when it is among the first pages, otherwise as a
 * row of its own on top.
 *
 * <p>Sorting and filtering work on the {@link ClassSummary}'s rows and the model's instance arrays, then rebuild the
 * rows shown; a class's instances are sorted when it is opened. Cheap on the FX thread but for that sort (n log n
 * in the class's instances).
 */
public final class SummaryPane extends BorderPane implements NodeView {
    public static final String STYLE_CLASS = "summary-pane";
    /** How far into a class's instances a found object is revealed in place; beyond, it gets a row of its own. */
    static final int REVEAL_PAGES = 10;

    private static final Pattern OBJECT_ID = Pattern.compile("\\s*@(\\d+)\\s*");

    private final HeapAnalysis analysis;
    private final HeapGraph graph;
    private final HeapClasses classes;
    private final ClassSummary summary;
    private final HeapTreeTable table;
    private final SummaryRows model;
    private final TextField filter = new TextField();
    private final Label status = new Label();

    public SummaryPane(HeapAnalysis analysis, HeapClasses classes) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.graph = analysis.graph();
        this.classes = Objects.requireNonNull(classes, "classes");
        this.summary = classes.summary();
        getStyleClass().add(STYLE_CLASS);

        table = new HeapTreeTable(analysis, summary, "Constructor");
        table.view().setId("summary-table");
        table.view().setPlaceholder(new Label("No class matches the filter"));
        model = new SummaryRows(analysis, classes, table);
        table.setOnSort(this::showRows);

        filter.setId("summary-filter");
        filter.setPromptText("Filter classes, or @id and Enter to find an object");
        filter.setPrefColumnCount(30);
        FontIcon search = new FontIcon(Feather.SEARCH);
        search.getStyleClass().add(Styles.TEXT_MUTED);
        filter.textProperty().addListener((observable, old, now) -> {
            // An id is looked up on Enter: while it is typed, every prefix would be another object.
            if (!isObjectId(now) || !isObjectId(old)) {
                showRows();
            }
        });
        filter.setOnAction(event -> {
            Matcher id = OBJECT_ID.matcher(filter.getText());
            if (id.matches()) {
                find(Long.parseLong(id.group(1)));
            }
        });
        status.setId("summary-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.setMinWidth(0);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox top = new HBox(8, search, filter, spring, status);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 8, 6, 8));
        top.getStyleClass().add("summary-toolbar");
        setTop(top);
        setCenter(table.view());
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(event)) {
                filter.requestFocus();
                filter.selectAll();
                event.consume();
            }
        });
        showRows();
    }

    @Override
    public ReadOnlyIntegerProperty selectedNodeProperty() {
        return table.selectedNodeProperty();
    }

    TreeTableView<HeapRow> tree() {
        return table.view();
    }

    HeapTreeTable table() {
        return table;
    }

    TextField filter() {
        return filter;
    }

    /** Shows only the classes whose name contains {@code text}, as typing it into the filter does. */
    public void filterClasses(String text) {
        filter.setText(text);
    }

    /**
     * Selects {@code node}: in its class's instances when the class is shown and the object is within the first
     * {@value #REVEAL_PAGES} pages of them, otherwise as a found row on top of the table.
     */
    @Override
    public boolean reveal(int node) {
        if (node < 0 || node >= graph.nodeCount()) {
            return false;
        }
        TreeItem<HeapRow> root = table.view().getRoot();
        root.getChildren().removeIf(item -> !(item.getValue() instanceof ClassEntry || item.getValue() instanceof MoreEntry));
        int row = summary.rowOfClass(classes.names().classOf(node));
        int classIndex = row < 0 ? -1 : HeapItems.indexOf(model.rows(), row);
        TreeItem<HeapRow> classItem = HeapItems.childAt(root, classIndex, Integer.MAX_VALUE / PagedTreeItem.PAGE_SIZE);
        if (classItem != null) {
            // Found in the class's own sorted array: its instances are not sorted a second time.
            int index = classItem instanceof PagedTreeItem<HeapRow> paged
                    ? paged.positionOf(new HeapRow.ObjectEntry(node, -1)) : -1;
            TreeItem<HeapRow> instance = HeapItems.childAt(classItem, index, REVEAL_PAGES);
            if (instance != null) {
                table.select(instance);
                return true;
            }
        }
        // Not in reach (or a size-0 object, which no class counts, as in DevTools): a row of its own on top.
        PagedTreeItem<HeapRow> found = model.objectItem(node);
        root.getChildren().add(0, found);
        table.select(found);
        return true;
    }

    /** Finds the object with V8 id {@code id}, as {@code @id} and Enter in the filter do. */
    boolean find(long id) {
        int node = graph.ordinalOfId(id);
        if (node < 0) {
            status.setText("No object @" + id + " in this snapshot");
            return false;
        }
        reveal(node);
        status.setText("Found " + HeapText.node(graph, node));
        return true;
    }

    /** Text that starts with {@code @} is an object id being typed, not a class name to filter by. */
    private static boolean isObjectId(String text) {
        return text != null && text.strip().startsWith("@");
    }

    /**
     * Rebuilds the class rows for the filter and the sort column, keeping open the classes, instances and edges
     * that were, and the selection ({@link HeapTreeTable#showRows}).
     */
    private void showRows() {
        String text = filter.getText();
        table.showRows(model.root(isObjectId(text) ? "" : text));
        showStatus();
    }

    private void showStatus() {
        long total = analysis.retainedSize(0);
        long objects = 0;
        int[] rows = model.rows();
        for (int row : rows) {
            objects += summary.row(row).count();
        }
        String classCount = rows.length == summary.rowCount() ? ByteSizes.grouped(rows.length) + " classes"
                : ByteSizes.grouped(rows.length) + " of " + ByteSizes.grouped(summary.rowCount()) + " classes";
        status.setText(classCount + " \u00b7 " + ByteSizes.grouped(objects) + " objects \u00b7 heap "
                + ByteSizes.human(total));
    }
}
