package io.heapscope.views.statistics;

import atlantafx.base.theme.Styles;
import io.heapscope.model.analysis.classes.HeapStatistics;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.report.MarkdownTable;
import io.heapscope.views.export.MarkdownCopy;
import io.heapscope.views.heap.HeapFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * DevTools' Statistics: where the heap's bytes are by kind (code, strings, JS arrays, typed arrays, system objects,
 * other JS objects, other non-JS objects), as a ring chart beside a table of sizes, shares and exact bytes, the
 * total on top. Immutable; built from the model's {@link HeapStatistics}.
 */
public final class StatisticsPane extends BorderPane {
    public static final String STYLE_CLASS = "statistics-pane";

    /** One slice: a category of DevTools' Statistics and its bytes. */
    public record Category(String name, long bytes) {
    }

    private final List<Category> categories;
    private final StatisticsChart chart;
    private final long total;

    public StatisticsPane(HeapStatistics statistics) {
        Objects.requireNonNull(statistics, "statistics");
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(Objects.requireNonNull(StatisticsPane.class.getResource("statistics.css"))
                .toExternalForm());
        categories = categories(statistics);
        chart = new StatisticsChart(categories, statistics.total());
        chart.setId("statistics-chart");

        Label title = new Label("Total " + ByteSizes.human(statistics.total()));
        title.setId("statistics-total");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setTooltip(new Tooltip(ByteSizes.grouped(statistics.total()) + " bytes"));
        Label detail = new Label("V8 heap " + ByteSizes.human(statistics.v8Total()) + " \u00b7 native "
                + ByteSizes.human(statistics.nativeTotal()));
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        VBox header = new VBox(2, title, detail);
        header.setPadding(new Insets(12, 16, 4, 16));
        setTop(header);

        GridPane table = table(categories, statistics.total());
        total = statistics.total();
        // On the table, not the pane: the chart beside it has its own menu (Save Chart).
        MarkdownCopy.installOn(table, MarkdownCopy.COPY_TEXT, this::tableMarkdown);
        HBox body = new HBox(24, chart, table);
        body.setPadding(new Insets(8, 16, 16, 16));
        body.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(chart, Priority.ALWAYS);
        chart.setMinSize(260, 260);
        chart.setPrefSize(420, 420);
        chart.setMaxSize(560, 560);
        setCenter(body);
    }

    /**
     * DevTools' categories: the named parts of the V8 heap and of native memory, each "other" the rest of its
     * part (never below zero).
     */
    public static List<Category> categories(HeapStatistics s) {
        List<Category> list = new ArrayList<>();
        list.add(new Category("Code", s.code()));
        list.add(new Category("Strings", s.strings()));
        list.add(new Category("JS arrays", s.jsArrays()));
        list.add(new Category("Typed arrays", s.typedArrays()));
        list.add(new Category("System objects", s.system()));
        list.add(new Category("Other JS objects",
                Math.max(0, s.v8Total() - s.code() - s.strings() - s.jsArrays() - s.system())));
        list.add(new Category("Other non-JS objects", Math.max(0, s.nativeTotal() - s.typedArrays())));
        return List.copyOf(list);
    }

    public List<Category> categories() {
        return categories;
    }

    /** The table as Markdown, every category and the total, sizes human-readable: what Copy as Markdown copies. */
    public String tableMarkdown() {
        MarkdownTable table = new MarkdownTable().column("Category").numberColumn("Size").numberColumn("Share")
                .numberColumn("Bytes");
        for (Category category : categories) {
            table.row(category.name(), ByteSizes.human(category.bytes()), HeapFormat.percent(category.bytes(), total),
                    ByteSizes.grouped(category.bytes()));
        }
        table.row("Total", ByteSizes.human(total), "100 %", ByteSizes.grouped(total));
        return table.toString();
    }

    StatisticsChart chart() {
        return chart;
    }

    private static GridPane table(List<Category> categories, long total) {
        GridPane grid = new GridPane();
        grid.setId("statistics-table");
        grid.getStyleClass().add("statistics-table");
        grid.setHgap(14);
        grid.setVgap(6);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(),
                right(), right(), right());
        grid.addRow(0, new Label(), header("Category"), header("Size"), header("Share"), header("Bytes"));
        for (int i = 0; i < categories.size(); i++) {
            Category category = categories.get(i);
            Region swatch = new Region();
            swatch.getStyleClass().addAll("statistics-swatch", "chart-" + (i + 1));
            swatch.setMinSize(12, 12);
            swatch.setMaxSize(12, 12);
            Label bytes = new Label(ByteSizes.grouped(category.bytes()));
            bytes.getStyleClass().add(Styles.TEXT_MUTED);
            grid.addRow(i + 1, swatch, new Label(category.name()), new Label(ByteSizes.human(category.bytes())),
                    new Label(HeapFormat.percent(category.bytes(), total)), bytes);
        }
        Label totalName = new Label("Total");
        totalName.getStyleClass().add(Styles.TEXT_BOLD);
        Label totalSize = new Label(ByteSizes.human(total));
        totalSize.getStyleClass().add(Styles.TEXT_BOLD);
        Label totalBytes = new Label(ByteSizes.grouped(total));
        totalBytes.getStyleClass().add(Styles.TEXT_MUTED);
        grid.addRow(categories.size() + 1, new Label(), totalName, totalSize, new Label("100 %"), totalBytes);
        return grid;
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return label;
    }

    private static ColumnConstraints right() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHalignment(javafx.geometry.HPos.RIGHT);
        return column;
    }
}
