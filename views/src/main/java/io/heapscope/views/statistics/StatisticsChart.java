package io.heapscope.views.statistics;

import io.heapscope.model.format.ByteSizes;
import io.heapscope.views.heap.HeapFormat;
import io.heapscope.views.statistics.StatisticsPane.Category;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.RingPlot;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.general.DefaultPieDataset;

/**
 * A ring chart of the Statistics categories, the total in its centre, no labels on the slices (the table beside
 * names them in the same colours).
 *
 * <p>JFreeChart paints with AWT colours, so the chart cannot use CSS directly: invisible probe labels carry the
 * theme's chart tokens ({@code statistics.css} sets their text fill) and the chart re-reads them whenever CSS
 * changes them, so it follows a theme switch like the rest of the window.
 */
final class StatisticsChart extends StackPane {
    private final DefaultPieDataset<String> dataset = new DefaultPieDataset<>();
    private final RingPlot plot;
    private final JFreeChart chart;
    private final List<Label> sliceColours = new ArrayList<>();
    private final Label textColour = probe("probe-text");
    private final Label backgroundColour = probe("probe-background");
    private final List<Category> categories;

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
        getChildren().add(viewer);
        for (int i = 0; i < categories.size(); i++) {
            Label probe = probe("chart-" + (i + 1));
            sliceColours.add(probe);
        }
        List<Label> probes = new ArrayList<>(sliceColours);
        probes.add(textColour);
        probes.add(backgroundColour);
        for (Label probe : probes) {
            getChildren().add(probe);
            probe.textFillProperty().addListener((observable, old, now) -> restyle());
            probe.fontProperty().addListener((observable, old, now) -> restyle());
        }
        restyle();
    }

    /** The chart's values by category, as drawn: for tests. */
    long value(String category) {
        return dataset.getValue(category).longValue();
    }

    JFreeChart chart() {
        return chart;
    }

    /** Paints the chart with the probes' colours and font: the theme's, once CSS has reached them. */
    private void restyle() {
        java.awt.Color background = awt(backgroundColour);
        chart.setBackgroundPaint(background);
        plot.setBackgroundPaint(background);
        for (int i = 0; i < categories.size(); i++) {
            plot.setSectionPaint(categories.get(i).name(), awt(sliceColours.get(i)));
        }
        javafx.scene.text.Font fxFont = textColour.getFont();
        plot.setCenterTextFont(new java.awt.Font(fxFont.getFamily(), java.awt.Font.BOLD,
                (int) Math.round(fxFont.getSize() * 1.5)));
        plot.setCenterTextColor(awt(textColour));
    }

    private static Label probe(String styleClass) {
        Label probe = new Label();
        probe.getStyleClass().addAll("colour-probe", styleClass);
        probe.setManaged(false);
        probe.setVisible(false);
        return probe;
    }

    private static java.awt.Color awt(Label probe) {
        // The probes' CSS sets plain colours; a gradient would only come from a broken theme, then drawn see-through.
        Color fill = probe.getTextFill() instanceof Color colour ? colour : Color.TRANSPARENT;
        return new java.awt.Color((float) fill.getRed(), (float) fill.getGreen(), (float) fill.getBlue(),
                (float) fill.getOpacity());
    }
}
