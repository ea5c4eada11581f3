package io.heapscope.views.statistics;

import io.heapscope.model.format.ByteSizes;
import io.heapscope.views.chart.ThemeProbes;
import io.heapscope.views.chart.ThemeProbes.Token;
import io.heapscope.views.heap.HeapFormat;
import io.heapscope.views.statistics.StatisticsPane.Category;
import java.util.List;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.RingPlot;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.general.DefaultPieDataset;

/**
 * A ring chart of the Statistics categories, the total in its centre, no labels on the slices (the table beside
 * names them in the same colours).
 *
 * <p>The colours are the theme's, read through {@link ThemeProbes}, so the chart follows a theme switch.
 */
final class StatisticsChart extends StackPane {
    private final DefaultPieDataset<String> dataset = new DefaultPieDataset<>();
    private final RingPlot plot;
    private final JFreeChart chart;
    /** Slice i takes the theme's chart colour i + 1, as the table's swatches do (statistics.css). */
    private static final List<Token> SLICE_COLOURS = List.of(Token.CHART_1, Token.CHART_2, Token.CHART_3,
            Token.CHART_4, Token.CHART_5, Token.CHART_6, Token.CHART_7, Token.CHART_8);

    private final List<Category> categories;
    private final ThemeProbes theme;

    StatisticsChart(List<Category> categories, long total) {
        this.categories = categories;
        getStyleClass().add("statistics-chart");
        for (Category category : categories) {
            dataset.setValue(category.name(), category.bytes());
        }
        plot = new RingPlot(dataset);
        plot.setSectionDepth(0.38);
        plot.setSeparatorsVisible(false);
        plot.setOutlineVisible(false);
        plot.setShadowPaint(null);
        plot.setLabelGenerator(null);
        plot.setCenterText(ByteSizes.human(total));
        plot.setCenterTextMode(org.jfree.chart.plot.CenterTextMode.FIXED);
        plot.setInsets(new RectangleInsets(4, 4, 4, 4));
        plot.setInteriorGap(0.04);
        plot.setToolTipGenerator((data, key) -> {
            long bytes = data.getValue(key).longValue();
            return key + ": " + ByteSizes.human(bytes) + " (" + HeapFormat.percent(bytes, total) + ")\n"
                    + ByteSizes.grouped(bytes) + " bytes";
        });
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartViewer viewer = new ChartViewer(chart, false);
        viewer.setId("statistics-chart-viewer");
        io.heapscope.views.export.ChartSave.install(viewer, "statistics");
        getChildren().add(viewer);
        theme = new ThemeProbes(this, this::restyle);
        restyle();
    }

    /** The chart's values by category, as drawn: for tests. */
    long value(String category) {
        return dataset.getValue(category).longValue();
    }

    JFreeChart chart() {
        return chart;
    }

    /** Paints the chart with the theme's colours and font, once CSS has reached the probes. */
    private void restyle() {
        java.awt.Color background = theme.awt(Token.BACKGROUND);
        chart.setBackgroundPaint(background);
        plot.setBackgroundPaint(background);
        for (int i = 0; i < categories.size(); i++) {
            plot.setSectionPaint(categories.get(i).name(), theme.awt(SLICE_COLOURS.get(i % SLICE_COLOURS.size())));
        }
        plot.setCenterTextFont(theme.font(1.5).deriveFont(java.awt.Font.BOLD));
        plot.setCenterTextColor(theme.awt(Token.TEXT));
    }
}
