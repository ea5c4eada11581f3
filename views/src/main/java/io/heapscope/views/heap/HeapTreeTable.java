package io.heapscope.views.heap;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.classes.ClassRow;
import io.heapscope.model.analysis.classes.ClassSummary;
import io.heapscope.model.analysis.order.SortKey;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.format.HeapText;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.views.heap.HeapRow.ClassEntry;
import io.heapscope.views.heap.HeapRow.MoreEntry;
import io.heapscope.views.heap.HeapRow.ObjectEntry;
import io.heapscope.views.export.MarkdownCopy;
import io.heapscope.views.tree.PagedTreeItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The tree table the heap views share: DevTools' columns (the object, Distance, the Summary's Count, Shallow Size and
 * Retained Size with their share of the heap), cells that read the model as they draw, "show more" rows, and
 * sorting that never sorts tree items: a click on a column header only records the {@link SortKey}, and the owner
 * rebuilds its rows from the model's arrays in that order ({@link #setOnSort}).
 *
 * <p>FX thread only. Holds ordinals in its rows, never a Java object per heap node beyond the rows shown.
 */
public final class HeapTreeTable implements RowOrder {
    public static final String STYLE_CLASS = "heap-tree";

    private static final PseudoClass MORE = PseudoClass.getPseudoClass("more");
    private static final PseudoClass CLASS = PseudoClass.getPseudoClass("class");
    private static final PseudoClass SYSTEM = PseudoClass.getPseudoClass("system");
    private static final double SIZE_WIDTH = 150;

    private final HeapAnalysis analysis;
    private final HeapGraph graph;
    private final ClassSummary classes;
    private final long total;
    private final TreeTableView<HeapRow> view = new TreeTableView<>();
    private final ReadOnlyIntegerWrapper selectedNode = new ReadOnlyIntegerWrapper(this, "selectedNode", -1);
    private SortKey sortKey = SortKey.RETAINED_SIZE;
    private boolean ascending;
    private Runnable onSort = () -> { };
    private final java.util.function.Supplier<String> copyMarkdown;
    /** True while {@link #showRows} replaces the rows. */
    private boolean rebuilding;
    /** The column sorted by, {@code null} for none (the default order). */
    private TreeTableColumn<HeapRow, ?> sortColumn;

    /**
     * @param objectTitle the first column's title ({@code Constructor} in the Summary, {@code Object} elsewhere)
     * @param classes     the Summary's classes, for its class rows and Count column; {@code null} for views without
     */
    public HeapTreeTable(HeapAnalysis analysis, ClassSummary classes, String objectTitle) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.graph = analysis.graph();
        this.classes = classes;
        this.total = analysis.retainedSize(0);
        view.getStyleClass().addAll(STYLE_CLASS, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        view.getStylesheets().add(Objects.requireNonNull(HeapTreeTable.class.getResource("heap.css"))
                .toExternalForm());
        view.setShowRoot(false);
        view.setRowFactory(table -> new Row());

        List<TreeTableColumn<HeapRow, HeapRow>> columns = new ArrayList<>();
        TreeTableColumn<HeapRow, HeapRow> object = column(objectTitle, SortKey.NAME, ObjectCell::new);
        object.setMinWidth(240);
        object.setPrefWidth(520);
        columns.add(object);
        TreeTableColumn<HeapRow, HeapRow> distance = column("Distance", SortKey.DISTANCE,
                () -> new NumberCell(row -> HeapFormat.distance(distanceOf(row)), row -> null));
        distance.setPrefWidth(80);
        distance.setMinWidth(70);
        columns.add(distance);
        if (classes != null) {
            TreeTableColumn<HeapRow, HeapRow> count = column("Count", SortKey.COUNT, () -> new NumberCell(
                    row -> row instanceof ClassEntry c ? ByteSizes.grouped(classes.row(c.row()).count()) : null,
                    row -> null));
            count.setPrefWidth(90);
            count.setMinWidth(70);
            columns.add(count);
        }
        TreeTableColumn<HeapRow, HeapRow> shallow = column("Shallow Size", SortKey.SHALLOW_SIZE,
                () -> new SizeCell(this::shallowOf));
        TreeTableColumn<HeapRow, HeapRow> retained = column("Retained Size", SortKey.RETAINED_SIZE,
                () -> new SizeCell(this::retainedOf));
        for (TreeTableColumn<HeapRow, HeapRow> size : List.of(shallow, retained)) {
            size.setPrefWidth(SIZE_WIDTH);
            size.setMinWidth(SIZE_WIDTH);
            columns.add(size);
        }
        for (TreeTableColumn<HeapRow, HeapRow> number : columns.subList(1, columns.size())) {
            number.getStyleClass().add(Tweaks.ALIGN_RIGHT);
            number.setMaxWidth(number.getPrefWidth() * 1.25);
            // DevTools sorts numbers biggest first on the first click; names A to Z.
            number.setSortType(TreeTableColumn.SortType.DESCENDING);
        }
        view.getColumns().setAll(columns);
        view.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        List<MarkdownCopy.Column<HeapRow>> copied = new ArrayList<>();
        copied.add(new MarkdownCopy.Column<>(object, this::text, false));
        copied.add(new MarkdownCopy.Column<>(distance, row -> HeapFormat.distance(distanceOf(row)), true));
        if (classes != null) {
            copied.add(new MarkdownCopy.Column<>(columns.get(2), row -> row instanceof ClassEntry c
                    ? ByteSizes.grouped(classes.row(c.row()).count()) : "", true));
        }
        copied.add(new MarkdownCopy.Column<>(shallow, row -> sizeText(shallowOf(row)), true));
        copied.add(new MarkdownCopy.Column<>(retained, row -> sizeText(retainedOf(row)), true));
        copyMarkdown = () -> MarkdownCopy.selectedRows(view, copied, row -> !(row instanceof MoreEntry));
        MarkdownCopy.install(view, copyMarkdown);
        // The numbers stop at their maximum; the object column takes the rest.
        view.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);

        sortColumn = retained;
        view.getSortOrder().setAll(List.of(retained));
        view.setSortPolicy(table -> {
            readSortOrder();
            return true;
        });
        view.getSelectionModel().selectedItemProperty().addListener((observable, old, now) -> {
            // While the rows are rebuilt the selection passes through none; the tool windows need not follow that.
            if (!rebuilding) {
                selectedNode.set(nodeOf(now));
            }
        });
    }

    public TreeTableView<HeapRow> view() {
        return view;
    }

    /** The key the rows are to be sorted by (the sort column's); retained size at first, as in DevTools. */
    @Override
    public SortKey sortKey() {
        return sortKey;
    }

    @Override
    public boolean ascending() {
        return ascending;
    }

    /** Called when the user sorts by another column or direction: the owner rebuilds its rows in the new order. */
    public void setOnSort(Runnable onSort) {
        this.onSort = Objects.requireNonNull(onSort, "onSort");
    }

    /** The object (ordinal) of the selected row, {@code -1} for a class or "more" row, or no selection. */
    public ReadOnlyIntegerProperty selectedNodeProperty() {
        return selectedNode.getReadOnlyProperty();
    }

    /** Expands the item's ancestors, selects it and scrolls it into view, a few rows below the top. */
    public void select(TreeItem<HeapRow> item) {
        for (TreeItem<HeapRow> parent = item.getParent(); parent != null; parent = parent.getParent()) {
            parent.setExpanded(true);
        }
        view.getSelectionModel().select(item);
        int row = view.getRow(item);
        if (row >= 0) {
            view.scrollTo(Math.max(0, row - 3));
        }
        view.requestFocus();
    }

    /** The Object column's text of a row (without the styling): for tests and tooltips. */
    public String text(HeapRow row) {
        if (row instanceof ClassEntry c) {
            return classes.row(c.row()).name();
        }
        if (row instanceof ObjectEntry o) {
            String target = HeapFormat.objectName(graph, o.node()) + " @" + graph.nodeId(o.node());
            return o.edge() < 0 ? target : HeapText.edge(graph, o.edge()) + " :: " + target;
        }
        return moreText(((MoreEntry) row).remaining());
    }

    /** A constructor's place, from a key {@code scriptId,line,column,name}; the name itself may hold commas. */
    private static String location(String key) {
        String[] parts = key.split(",", 4);
        return parts.length < 4 || parts[0].isEmpty() ? ""
                : "\nDefined in script " + parts[0] + " at " + parts[1] + ":" + parts[2];
    }

    private static String moreText(int remaining) {
        return "Show " + ByteSizes.grouped(Math.min(remaining, PagedTreeItem.PAGE_SIZE)) + " more";
    }

    private void readSortOrder() {
        TreeTableColumn<HeapRow, ?> column = view.getSortOrder().isEmpty() ? null : view.getSortOrder().get(0);
        // No column (JavaFX's third click on a header unsorts) means DevTools' default order: retained size.
        SortKey key = column == null ? SortKey.RETAINED_SIZE : (SortKey) column.getUserData();
        boolean up = column != null && column.getSortType() == TreeTableColumn.SortType.ASCENDING;
        // JavaFX sorts a newly clicked column ascending; DevTools shows the biggest numbers first. Flipping the
        // type sorts again, through here.
        if (column != null && column != sortColumn && key != SortKey.NAME && up) {
            column.setSortType(TreeTableColumn.SortType.DESCENDING);
            return;
        }
        sortColumn = column;
        // The policy also runs when rows change; only a new order is worth a rebuild.
        if (key != sortKey || up != ascending) {
            sortKey = key;
            ascending = up;
            onSort.run();
        }
    }

    /**
     * Shows {@code root}'s rows in place of the old ones (after a sort or a new filter), opening again the rows
     * that were open and selecting the row that was selected, as DevTools keeps them through a sort
     * ({@link TreeState}).
     */
    public void showRows(TreeItem<HeapRow> root) {
        TreeState state = TreeState.of(view.getRoot(), view.getSelectionModel().getSelectedItem());
        rebuilding = true;
        try {
            view.setRoot(root);
            TreeItem<HeapRow> reselected = state.applyTo(root);
            if (reselected != null) {
                view.getSelectionModel().select(reselected);
                int row = view.getRow(reselected);
                if (row >= 0) {
                    view.scrollTo(Math.max(0, row - 3));
                }
            }
        } finally {
            rebuilding = false;
        }
        selectedNode.set(nodeOf(view.getSelectionModel().getSelectedItem()));
    }

    private static int nodeOf(TreeItem<HeapRow> item) {
        return item != null && item.getValue() instanceof ObjectEntry o ? o.node() : -1;
    }

    /** A size as the cells show it: human-readable, with its share of the heap. */
    private String sizeText(long bytes) {
        return ByteSizes.human(bytes) + " (" + HeapFormat.percent(bytes, total) + ")";
    }

    /** The Markdown of the selected rows, as Copy as Markdown puts it on the clipboard; {@code null} if none. */
    public String selectedMarkdown() {
        return copyMarkdown.get();
    }

    private int distanceOf(HeapRow row) {
        if (row instanceof ClassEntry c) {
            return classes.row(c.row()).minDistance();
        }
        return row instanceof ObjectEntry o ? analysis.distance(o.node()) : -1;
    }

    private long shallowOf(HeapRow row) {
        if (row instanceof ClassEntry c) {
            return classes.row(c.row()).shallowSizeSum();
        }
        return row instanceof ObjectEntry o ? analysis.shallowSize(o.node()) : -1;
    }

    private long retainedOf(HeapRow row) {
        if (row instanceof ClassEntry c) {
            return classes.row(c.row()).retainedSizeSum();
        }
        return row instanceof ObjectEntry o ? analysis.retainedSize(o.node()) : -1;
    }

    private static TreeTableColumn<HeapRow, HeapRow> column(String title, SortKey key,
            java.util.function.Supplier<TreeTableCell<HeapRow, HeapRow>> cell) {
        TreeTableColumn<HeapRow, HeapRow> column = new TreeTableColumn<>(title);
        column.setUserData(key);
        column.setCellValueFactory(item -> new ReadOnlyObjectWrapper<>(item.getValue().getValue()));
        column.setCellFactory(c -> cell.get());
        return column;
    }

    /** Marks class, "more" and system-object rows as pseudo-classes for {@code heap.css}. */
    private final class Row extends TreeTableRow<HeapRow> {
        @Override
        protected void updateItem(HeapRow row, boolean empty) {
            super.updateItem(row, empty);
            boolean filled = !empty && row != null;
            pseudoClassStateChanged(MORE, filled && row instanceof MoreEntry);
            pseudoClassStateChanged(CLASS, filled && row instanceof ClassEntry);
            pseudoClassStateChanged(SYSTEM, filled && row instanceof ObjectEntry o
                    && HeapFormat.NO_DISTANCE.equals(HeapFormat.distance(analysis.distance(o.node()))));
        }
    }

    /**
     * A class ({@code Name ×count}), an object ({@code edge :: Name @id}, the edge in the accent colour, the id
     * muted), or the "show more" link.
     */
    private final class ObjectCell extends TreeTableCell<HeapRow, HeapRow> {
        private final Label edge = new Label();
        private final Label separator = new Label("::");
        private final Label name = new Label();
        private final Label id = new Label();
        private final Hyperlink more = new Hyperlink();
        private final HBox box = new HBox(5, edge, separator, name, id, more);
        private final Tooltip tooltip = new Tooltip();

        ObjectCell() {
            edge.getStyleClass().add("heap-edge");
            edge.setMinWidth(Region.USE_PREF_SIZE);
            separator.getStyleClass().add(Styles.TEXT_MUTED);
            separator.setMinWidth(Region.USE_PREF_SIZE);
            name.getStyleClass().add("heap-name");
            name.setMinWidth(0);
            HBox.setHgrow(name, Priority.SOMETIMES);
            id.getStyleClass().addAll("heap-id", Styles.TEXT_MUTED);
            id.setMinWidth(Region.USE_PREF_SIZE);
            box.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().forEach(node -> node.managedProperty().bind(node.visibleProperty()));
            more.setOnAction(event -> {
                TreeItem<HeapRow> item = getTableRow().getTreeItem();
                if (item != null && item.getParent() instanceof PagedTreeItem<HeapRow> parent) {
                    parent.showMore();
                }
            });
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(HeapRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setGraphic(box);
            boolean withEdge = row instanceof ObjectEntry o && o.edge() >= 0;
            edge.setVisible(withEdge);
            separator.setVisible(withEdge);
            name.setVisible(!(row instanceof MoreEntry));
            more.setVisible(row instanceof MoreEntry);
            id.setVisible(true);
            if (row instanceof ClassEntry c) {
                ClassRow cls = classes.row(c.row());
                name.setText(cls.name());
                id.setText("\u00d7" + ByteSizes.grouped(cls.count()));
                tooltip.setText(cls.name() + "\n" + ByteSizes.grouped(cls.count()) + " objects"
                        + location(cls.key()));
                setTooltip(tooltip);
            } else if (row instanceof ObjectEntry o) {
                if (withEdge) {
                    edge.setText(HeapText.edge(graph, o.edge()));
                }
                name.setText(HeapFormat.objectName(graph, o.node()));
                id.setText("@" + graph.nodeId(o.node()));
                tooltip.setText(HeapText.node(graph, o.node()) + " (" + graph.nodeTypeName(o.node()) + ")"
                        + (withEdge ? "\nthrough its parent's " + graph.edgeTypeName(o.edge()) + " edge "
                        + HeapText.edge(graph, o.edge()) : ""));
                setTooltip(tooltip);
            } else {
                int remaining = ((MoreEntry) row).remaining();
                more.setText(moreText(remaining));
                id.setText("(" + ByteSizes.grouped(remaining) + " not shown)");
                setTooltip(null);
            }
        }
    }

    /** A right-aligned number; empty on "more" rows. */
    private static final class NumberCell extends TreeTableCell<HeapRow, HeapRow> {
        private final Function<HeapRow, String> text;
        private final Function<HeapRow, String> exact;

        NumberCell(Function<HeapRow, String> text, Function<HeapRow, String> exact) {
            this.text = text;
            this.exact = exact;
        }

        @Override
        protected void updateItem(HeapRow row, boolean empty) {
            super.updateItem(row, empty);
            boolean shown = !empty && row != null && !(row instanceof MoreEntry);
            setText(shown ? text.apply(row) : null);
            String tip = shown ? exact.apply(row) : null;
            setTooltip(tip == null ? null : new Tooltip(tip));
        }
    }

    /** A size, human-readable, with its share of the heap beside it and the exact bytes in a tooltip. */
    private final class SizeCell extends TreeTableCell<HeapRow, HeapRow> {
        private final java.util.function.ToLongFunction<HeapRow> size;
        private final Label percent = new Label();
        private final Tooltip tooltip = new Tooltip();

        SizeCell(java.util.function.ToLongFunction<HeapRow> size) {
            this.size = size;
            percent.getStyleClass().addAll("heap-percent", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            percent.setAlignment(Pos.CENTER_RIGHT);
            percent.setMinWidth(48);
            percent.setPrefWidth(48);
            setContentDisplay(ContentDisplay.RIGHT);
            setGraphicTextGap(4);
        }

        @Override
        protected void updateItem(HeapRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null || row instanceof MoreEntry) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            long bytes = size.applyAsLong(row);
            setText(ByteSizes.human(bytes));
            percent.setText(HeapFormat.percent(bytes, total));
            setGraphic(percent);
            tooltip.setText(HeapFormat.exactSize(bytes, total));
            setTooltip(tooltip);
        }
    }
}
