package io.heapscope.views.retainers;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.NodeMeasures;
import io.heapscope.model.analysis.Retainers;
import io.heapscope.model.analysis.Retainers.Hop;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.format.HeapText;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.report.RetainerChainMarkdown;
import io.heapscope.views.export.MarkdownCopy;
import io.heapscope.views.retainers.RetainerRow.MoreRow;
import io.heapscope.views.retainers.RetainerRow.ObjectRow;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Retainers tool window: who holds one object, as DevTools' Retainers view lists it (weak and invisible edges
 * and the root's own edges left out). Each row is {@code edge in Name @id} with the holder's distance, shallow and
 * retained size; expanding a row lists who holds that holder, a page of {@value RetainerItem#PAGE_SIZE} at a time.
 * A new object opens along its shortest path to the root, so the chain that keeps it alive is in view at once.
 *
 * <p>Cheap on the FX thread: showing an object lists its retainers and walks one path up (each step linear in the
 * retainers of one object); everything deeper is made only as the user opens it. There is no recursion over the graph.
 */
public final class RetainersPane extends BorderPane {
    public static final String STYLE_CLASS = "retainers-pane";

    private static final PseudoClass CYCLE = PseudoClass.getPseudoClass("cycle");
    private static final PseudoClass MORE = PseudoClass.getPseudoClass("more");
    private static final double NUMBER_WIDTH = 125;

    private final HeapAnalysis analysis;
    private final HeapGraph graph;
    private final Label title = new Label();
    private final Label detail = new Label();
    private final TreeTableView<RetainerRow> tree = new TreeTableView<>();
    /** Made on the first object shown: its name lookups scan the string table. */
    private Retainers retainers;
    private int shown = -1;

    public RetainersPane(HeapAnalysis analysis) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.graph = analysis.graph();
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(Objects.requireNonNull(RetainersPane.class.getResource("retainers.css"))
                .toExternalForm());

        FontIcon icon = new FontIcon(Feather.LINK);
        icon.getStyleClass().add("retainers-icon");
        title.setId("retainers-title");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setGraphic(icon);
        title.setMinWidth(0);
        detail.setId("retainers-detail");
        detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        detail.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(10, title, detail);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(5, 10, 5, 10));
        header.getStyleClass().add("retainers-header");
        setTop(header);

        tree.setId("retainers-tree");
        tree.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        tree.setShowRoot(false);
        tree.setRowFactory(table -> new Row());
        tree.setPlaceholder(new Label("Select an object to see what holds it"));
        TreeTableColumn<RetainerRow, RetainerRow> object = column("Object", ObjectCell::new);
        TreeTableColumn<RetainerRow, RetainerRow> distance = column("Distance",
                () -> new TextCell(row -> distance(row.node()), row -> null));
        TreeTableColumn<RetainerRow, RetainerRow> shallow = column("Shallow Size",
                () -> new TextCell(row -> ByteSizes.human(analysis.shallowSize(row.node())),
                        row -> ByteSizes.grouped(analysis.shallowSize(row.node())) + " bytes"));
        TreeTableColumn<RetainerRow, RetainerRow> retained = column("Retained Size",
                () -> new TextCell(row -> ByteSizes.human(analysis.retainedSize(row.node())),
                        row -> ByteSizes.grouped(analysis.retainedSize(row.node())) + " bytes"));
        object.setId("retainers-column-object");
        object.setMinWidth(240);
        object.setPrefWidth(480);
        for (TreeTableColumn<RetainerRow, RetainerRow> number : List.of(distance, shallow, retained)) {
            number.setPrefWidth(NUMBER_WIDTH);
            number.setMinWidth(NUMBER_WIDTH);
            number.setMaxWidth(170);
            number.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        }
        distance.setMinWidth(85);
        distance.setPrefWidth(85);
        tree.getColumns().addAll(List.of(object, distance, shallow, retained));
        // Ctrl+Shift+C copies the chain (what a bug report wants); the rows themselves from the menu.
        MarkdownCopy.install(tree, "Copy Path to Root as Markdown", this::pathMarkdown, true);
        List<MarkdownCopy.Column<RetainerRow>> copied = List.of(
                new MarkdownCopy.Column<>(object, this::text, false),
                new MarkdownCopy.Column<>(distance, row -> distance(((ObjectRow) row).node()), true),
                new MarkdownCopy.Column<>(shallow,
                        row -> ByteSizes.human(analysis.shallowSize(((ObjectRow) row).node())), true),
                new MarkdownCopy.Column<>(retained,
                        row -> ByteSizes.human(analysis.retainedSize(((ObjectRow) row).node())), true));
        MarkdownCopy.install(tree, "Copy Rows as Markdown",
                () -> MarkdownCopy.selectedRows(tree, copied, row -> row instanceof ObjectRow), false);
        // The numbers stop at their maximum; the objects take the rest.
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        setCenter(tree);
        show(-1);
    }

    /**
     * Shows who holds {@code node} (an ordinal of this pane's snapshot), opened along its shortest path to the root;
     * {@code -1} clears the view.
     */
    public void show(int node) {
        if (node >= graph.nodeCount()) {
            throw new IndexOutOfBoundsException("node " + node + " of " + graph.nodeCount());
        }
        shown = Math.max(node, -1);
        if (shown < 0) {
            title.setText("Retainers");
            detail.setText("of the selected object");
            tree.setRoot(null);
            return;
        }
        if (retainers == null) {
            retainers = new Retainers(analysis);
        }
        RetainerItem root = new RetainerItem(retainers, new ObjectRow(shown, -1, false));
        root.setExpanded(true);
        expandAlongShortestPath(root);
        tree.setRoot(root);
        tree.scrollTo(0);
        title.setText("Retainers of " + HeapText.node(graph, shown));
        int count = root.retainerCount();
        detail.setText(count == 0 ? (shown == 0 ? "the root has no retainers" : "no retainers")
                : ByteSizes.grouped(count) + (count == 1 ? " retainer" : " retainers") + " · distance "
                + distance(shown) + " · retained " + ByteSizes.human(analysis.retainedSize(shown)));
    }

    /** The object shown, {@code -1} for none. */
    public int shownNode() {
        return shown;
    }

    TreeTableView<RetainerRow> tree() {
        return tree;
    }

    /**
     * The chain from the object shown up through the selected retainer row and on along that retainer's shortest
     * path to the root, as Markdown lines reading like this view ({@code edge in Class @id}, distance and sizes);
     * the object's own shortest path when no row is selected; {@code null} when no object is shown.
     */
    public String pathMarkdown() {
        if (shown < 0) {
            return null;
        }
        TreeItem<RetainerRow> selected = tree.getSelectionModel().getSelectedItem();
        if (selected == null || !(selected.getValue() instanceof ObjectRow start)) {
            return RetainerChainMarkdown.text(retainers.shortestPath(shown), graph, analysis);
        }
        // Root side first: the selected retainer's own way to the root, then down the rows to the object.
        List<Hop> path = new java.util.ArrayList<>(retainers.shortestPath(start.node()));
        if (path.isEmpty()) {
            path.add(new Hop(-1, start.node()));
        }
        for (TreeItem<RetainerRow> item = selected; item.getParent() != null; item = item.getParent()) {
            ObjectRow row = (ObjectRow) item.getValue();
            path.add(new Hop(row.edge(), ((ObjectRow) item.getParent().getValue()).node()));
        }
        return RetainerChainMarkdown.text(path, graph, analysis);
    }

    /** A row as the Object column writes it: {@code children in Module @6181}, a cycle marked, or the "more" text. */
    String text(RetainerRow row) {
        if (row instanceof ObjectRow o) {
            String text = o.edge() < 0 ? HeapText.node(graph, o.node())
                    : HeapText.edge(graph, o.edge()) + " in " + HeapText.node(graph, o.node());
            return o.cycle() ? text + " (cycle)" : text;
        }
        MoreRow more = (MoreRow) row;
        return "Show " + Math.min(more.remaining(), RetainerItem.PAGE_SIZE) + " more (" + ByteSizes.grouped(
                more.remaining()) + " not shown)";
    }

    /**
     * Opens the tree along {@link Retainers#shortestPath}: at each level the retainer that is the path's next hop
     * toward the root. Stops at the object the root itself holds (its holder, the root, is not listed), or where the
     * path takes an edge the list leaves out.
     */
    private void expandAlongShortestPath(RetainerItem root) {
        List<Hop> path = retainers.shortestPath(root.row().node());
        RetainerItem item = root;
        // path.get(i).edge() leads from path.get(i - 1).node() to path.get(i).node(); index 0 is the root itself.
        for (int i = path.size() - 1; i >= 2; i--) {
            RetainerItem next = item.child(path.get(i - 1).node(), path.get(i).edge());
            if (next == null) {
                return;
            }
            if (i > 2) {
                next.setExpanded(true);
            }
            item = next;
        }
    }

    /** A distance as DevTools shows it: objects only the GC roots reach have none. */
    private String distance(int node) {
        int distance = analysis.distance(node);
        return distance < 0 || distance >= NodeMeasures.BASE_SYSTEM_DISTANCE ? "\u2212" : Integer.toString(distance);
    }

    private static TreeTableColumn<RetainerRow, RetainerRow> column(String title,
            Supplier<TreeTableCell<RetainerRow, RetainerRow>> cell) {
        TreeTableColumn<RetainerRow, RetainerRow> column = new TreeTableColumn<>(title);
        column.setCellValueFactory(item -> new ReadOnlyObjectWrapper<>(item.getValue().getValue()));
        column.setCellFactory(c -> cell.get());
        // DevTools' retainer order (the path's hop first where it can) is the order that means something here.
        column.setSortable(false);
        return column;
    }

    /** Marks cycle and "more" rows as pseudo-classes for {@code retainers.css}. */
    private static final class Row extends TreeTableRow<RetainerRow> {
        @Override
        protected void updateItem(RetainerRow row, boolean empty) {
            super.updateItem(row, empty);
            boolean filled = !empty && row != null;
            pseudoClassStateChanged(CYCLE, filled && row instanceof ObjectRow o && o.cycle());
            pseudoClassStateChanged(MORE, filled && row instanceof MoreRow);
        }
    }

    /** {@code edge in Name @id}: the edge in the accent colour, a cycle marked; or the "show more" link. */
    private final class ObjectCell extends TreeTableCell<RetainerRow, RetainerRow> {
        private final Label edge = new Label();
        private final Label in = new Label("in");
        private final Label name = new Label();
        private final Label mark = new Label("(cycle)");
        private final Hyperlink more = new Hyperlink();
        private final HBox box = new HBox(5, edge, in, name, mark, more);
        private final Tooltip tooltip = new Tooltip();

        ObjectCell() {
            edge.getStyleClass().add("retainer-edge");
            edge.setMinWidth(Region.USE_PREF_SIZE);
            in.getStyleClass().add(Styles.TEXT_MUTED);
            in.setMinWidth(Region.USE_PREF_SIZE);
            name.setMinWidth(0);
            HBox.setHgrow(name, Priority.SOMETIMES);
            mark.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            mark.setMinWidth(Region.USE_PREF_SIZE);
            box.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().forEach(node -> node.managedProperty().bind(node.visibleProperty()));
            more.setOnAction(event -> {
                TreeItem<RetainerRow> item = getTableRow().getTreeItem();
                if (item != null && item.getParent() instanceof RetainerItem parent) {
                    parent.showMore();
                }
            });
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(RetainerRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setGraphic(box);
            boolean object = row instanceof ObjectRow;
            edge.setVisible(object);
            in.setVisible(object);
            name.setVisible(object);
            more.setVisible(!object);
            if (row instanceof ObjectRow o) {
                edge.setText(HeapText.edge(graph, o.edge()));
                name.setText(HeapText.node(graph, o.node()));
                mark.setText("(cycle)");
                mark.setVisible(o.cycle());
                tooltip.setText(HeapText.node(graph, o.node()) + " (" + graph.nodeTypeName(o.node()) + ") holds it "
                        + "through its " + graph.edgeTypeName(o.edge()) + " edge " + HeapText.edge(graph, o.edge())
                        + (o.cycle() ? "\nAlready shown lower on this branch: the objects hold each other." : ""));
                setTooltip(tooltip);
            } else {
                MoreRow m = (MoreRow) row;
                more.setText("Show " + Math.min(m.remaining(), RetainerItem.PAGE_SIZE) + " more");
                mark.setText("(" + ByteSizes.grouped(m.remaining()) + " not shown)");
                mark.setVisible(true);
                setTooltip(null);
            }
        }
    }

    /** A right-aligned number of an object row, with an optional tooltip (exact bytes); empty on "more" rows. */
    private static final class TextCell extends TreeTableCell<RetainerRow, RetainerRow> {
        private final Function<ObjectRow, String> text;
        private final Function<ObjectRow, String> exact;
        private final Tooltip tooltip = new Tooltip();

        TextCell(Function<ObjectRow, String> text, Function<ObjectRow, String> exact) {
            this.text = text;
            this.exact = exact;
        }

        @Override
        protected void updateItem(RetainerRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || !(row instanceof ObjectRow o)) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(text.apply(o));
            String tip = exact.apply(o);
            if (tip == null) {
                setTooltip(null);
            } else {
                tooltip.setText(tip);
                setTooltip(tooltip);
            }
        }
    }
}
