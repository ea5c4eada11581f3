package io.heapscope.views.snapshot;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.info.SnapshotInfo;
import io.heapscope.model.info.SnapshotInfo.RootEdge;
import io.heapscope.model.info.SnapshotInfo.TypeCount;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A loaded snapshot at a glance, from its {@link SnapshotInfo}: the file, the counts and total self size, which
 * optional sections it has, its node types and the root's children. Immutable: one pane per snapshot, built once.
 *
 * <p>Values carry ids ({@code #summary-nodes}, {@code #summary-self-size}, ...) for tests and future styling.
 */
public final class SnapshotSummaryPane extends BorderPane {
    public static final String STYLE_CLASS = "snapshot-summary";

    public SnapshotSummaryPane(Path file, SnapshotInfo info) {
        getStyleClass().add(STYLE_CLASS);
        setPadding(new Insets(16));

        Label title = new Label(String.valueOf(file.getFileName()));
        title.setId("summary-title");
        title.getStyleClass().add(Styles.TITLE_3);
        Label location = new Label(String.valueOf(file.toAbsolutePath().getParent()));
        location.getStyleClass().add(Styles.TEXT_MUTED);
        VBox header = new VBox(4, title, location, facts(info));
        header.setPadding(new Insets(0, 0, 16, 0));
        setTop(header);

        HBox tables = new HBox(16, titled("Node types", nodeTypes(info)), titled("Root's children"
                + " (" + info.userRoots() + " user root" + (info.userRoots() == 1 ? ")" : "s)"), rootEdges(info)));
        // Node types has three short columns; the root's children have names and need the room.
        HBox.setHgrow(tables.getChildren().get(1), Priority.ALWAYS);
        setCenter(tables);
    }

    /** Two column pairs: the counts on the left, sizes and optional sections on the right. */
    private static GridPane facts(SnapshotInfo info) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        grid.setPadding(new Insets(12, 0, 0, 0));
        addFact(grid, 0, 0, "nodes", "Nodes", ByteSizes.grouped(info.nodeCount()));
        addFact(grid, 0, 1, "edges", "Edges", ByteSizes.grouped(info.edgeCount()));
        addFact(grid, 0, 2, "strings", "Strings", ByteSizes.grouped(info.stringCount()));
        Label selfSize = addFact(grid, 2, 0, "self-size", "Total self size", ByteSizes.human(info.totalSelfSize()));
        // The human form rounds; the exact figure is what one compares with DevTools or another snapshot.
        selfSize.setTooltip(new Tooltip(ByteSizes.grouped(info.totalSelfSize()) + " bytes"));
        addFact(grid, 2, 1, "trace-data", "Allocation traces", info.hasTraceData()
                ? ByteSizes.grouped(info.traceFunctionCount()) + " functions, "
                + ByteSizes.grouped(info.traceNodeCount()) + " trace nodes, "
                + ByteSizes.grouped(info.sampleCount()) + " samples"
                : "none");
        addFact(grid, 2, 2, "locations", "Source locations",
                info.hasLocations() ? ByteSizes.grouped(info.locationCount()) : "none");
        if (info.extraNativeBytes() > 0) {
            Label extraNative = addFact(grid, 2, 3, "extra-native", "Extra native",
                    ByteSizes.human(info.extraNativeBytes()));
            extraNative.setTooltip(new Tooltip(ByteSizes.grouped(info.extraNativeBytes()) + " bytes"));
        }
        // Space between the pairs, so the right pair's names do not read as the left pair's values.
        ColumnConstraints gap = new ColumnConstraints();
        gap.setMinWidth(64);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), gap);
        return grid;
    }

    private static Label addFact(GridPane grid, int column, int row, String id, String name, String value) {
        Label key = new Label(name);
        key.getStyleClass().add(Styles.TEXT_MUTED);
        Label text = new Label(value);
        text.setId("summary-" + id);
        text.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(key, column, row);
        grid.add(text, column + 1, row);
        return text;
    }

    private static VBox titled(String title, TableView<?> table) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(8, label, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private static TableView<TypeCount> nodeTypes(SnapshotInfo info) {
        TableView<TypeCount> table = table("summary-node-types");
        table.getItems().setAll(info.nodeTypes());
        TableColumn<TypeCount, Long> count = column("Count", TypeCount::count, ByteSizes::grouped);
        TableColumn<TypeCount, Long> selfSize = column("Self size", TypeCount::selfSize, ByteSizes::human);
        TableColumn<TypeCount, String> type = column("Type", TypeCount::type, Function.identity());
        table.getColumns().addAll(List.of(type, count, selfSize));
        type.setPrefWidth(150);
        count.setPrefWidth(80);
        // Room for the sort arrow beside the title.
        selfSize.setPrefWidth(110);
        count.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        selfSize.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        // Biggest first: what takes the memory is the first question.
        selfSize.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().add(selfSize);
        table.setPrefWidth(360);
        table.setMinWidth(Region.USE_PREF_SIZE);
        return table;
    }

    private static TableView<RootEdge> rootEdges(SnapshotInfo info) {
        TableView<RootEdge> table = table("summary-root-edges");
        table.getItems().setAll(info.rootEdges());
        TableColumn<RootEdge, RootEdge> name = new TableColumn<>("Node");
        name.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()));
        name.setCellFactory(column -> new RootNodeCell());
        name.setComparator(Comparator.comparing(RootEdge::nodeName));
        TableColumn<RootEdge, String> type = column("Type", RootEdge::nodeType, Function.identity());
        TableColumn<RootEdge, Long> edges = column("Edges", e -> (long) e.nodeEdgeCount(), ByteSizes::grouped);
        edges.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        table.getColumns().addAll(List.of(name, type, edges));
        // The name takes what is left; the short columns keep their width.
        type.setMinWidth(90);
        edges.setMinWidth(72);
        edges.setMaxWidth(120);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_NEXT_COLUMN);
        table.setPrefWidth(400);
        table.setMinWidth(320);
        return table;
    }

    private static <S> TableView<S> table(String id) {
        TableView<S> table = new TableView<>(FXCollections.observableArrayList());
        table.setId(id);
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    /** A column showing {@code format(value)} but sorting by the value itself, so numbers sort as numbers. */
    private static <S, V extends Comparable<? super V>> TableColumn<S, V> column(String title,
            Function<S, V> value, Function<V, String> format) {
        TableColumn<S, V> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(V item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        });
        return column;
    }

    /**
     * The node's name, with a "user root" tag after it for the root's shortcut targets. The tag is made once per
     * cell and only shown or hidden.
     */
    private static final class RootNodeCell extends TableCell<RootEdge, RootEdge> {
        private final Label userRoot = new Label("user root");

        RootNodeCell() {
            userRoot.getStyleClass().addAll(Styles.ACCENT, Styles.TEXT_SMALL);
            userRoot.setMinWidth(Region.USE_PREF_SIZE);
            setContentDisplay(ContentDisplay.RIGHT);
            setGraphicTextGap(8);
        }

        @Override
        protected void updateItem(RootEdge edge, boolean empty) {
            super.updateItem(edge, empty);
            setText(empty || edge == null ? null : edge.nodeName());
            setGraphic(!empty && edge != null && edge.userRoot() ? userRoot : null);
        }
    }
}
