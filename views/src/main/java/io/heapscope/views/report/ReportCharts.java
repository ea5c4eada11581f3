package io.heapscope.views.report;

import io.heapscope.model.analysis.diff.DiffRow;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.runtime.WatchCycle;
import io.heapscope.views.chart.ByteSizeFormat;
import io.heapscope.views.chart.ChartTheme;
import io.heapscope.views.chart.ThemeProbes.Token;
import io.heapscope.views.statistics.StatisticsPane.Category;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CenterTextMode;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.RingPlot;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.List;

/**
 * The report's charts, styled from a {@link ChartTheme} (the light theme for files): the Statistics ring, the
 * biggest changes of a comparison, and a watch run's cycles. Each is an ordinary JFreeChart, for
 * {@link io.heapscope.views.chart.ChartImages}.
 */
final class ReportCharts {
    /** Slice i takes chart colour i + 1, as the app's Statistics view does. */
    private static final List<Token> SERIES = List.of(Token.CHART_1, Token.CHART_2, Token.CHART_3, Token.CHART_4,
            Token.CHART_5, Token.CHART_6, Token.CHART_7, Token.CHART_8);

    private final ChartTheme theme;

    ReportCharts(ChartTheme theme) {
        this.theme = theme;
    }

    /** DevTools' Statistics as a ring, the total in the middle, each category's size and share in the legend. */
    JFreeChart statistics(List<Category> categories, long total) {
        DefaultPieDataset<String> data = new DefaultPieDataset<>();
        for (Category category : categories) {
            data.setValue(category.name(), category.bytes());
        }
        RingPlot plot = new RingPlot(data);
        plot.setSectionDepth(0.38);
        plot.setSeparatorsVisible(false);
        plot.setOutlineVisible(false);
        plot.setShadowPaint(null);
        plot.setLabelGenerator(null);
        plot.setCenterTextMode(CenterTextMode.FIXED);
        plot.setCenterText(ByteSizes.human(total));
        plot.setCenterTextFont(theme.font(1.5).deriveFont(Font.BOLD));
        plot.setCenterTextColor(theme.awt(Token.TEXT));
        plot.setInteriorGap(0.04);
        plot.setLegendLabelGenerator(new StandardPieSectionLabelGenerator("{0}: {1} ({2})",
                new ByteSizeFormat(), new DecimalFormat("0.0 %")));
        for (int i = 0; i < categories.size(); i++) {
            plot.setSectionPaint(categories.get(i).name(), theme.awt(SERIES.get(i % SERIES.size())));
        }
        JFreeChart chart = new JFreeChart(null, theme.font(1), plot, true);
        chart.getLegend().setPosition(RectangleEdge.RIGHT);
        chart.getLegend().setItemLabelPadding(new RectangleInsets(3, 4, 3, 4));
        style(chart);
        plot.setBackgroundPaint(theme.awt(Token.BACKGROUND));
        return chart;
    }

    /**
     * The comparison rows with the biggest size change, one horizontal bar each: growth in the theme's danger
     * colour, shrinkage in its success colour.
     */
    JFreeChart biggestChanges(List<DiffRow> rows) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        java.util.Set<String> labels = new java.util.HashSet<>();
        for (DiffRow row : rows) {
            // Two classes can share a name (one name, two constructors); a bar each all the same.
            String label = label(row.className());
            for (int n = 2; !labels.add(label); n++) {
                label = label(row.className()) + " (" + n + ")";
            }
            data.addValue(row.sizeDelta(), "Size Delta", label);
        }
        CategoryAxis classes = new CategoryAxis();
        classes.setMaximumCategoryLabelWidthRatio(0.45f);
        NumberAxis bytes = new NumberAxis("Size Delta");
        bytes.setNumberFormatOverride(new ByteSizeFormat());
        BarRenderer renderer = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int series, int column) {
                Number value = data.getValue(series, column);
                return theme.awt(value != null && value.longValue() < 0 ? Token.SUCCESS : Token.DANGER);
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.08);
        renderer.setItemMargin(0);
        CategoryPlot plot = new CategoryPlot(data, classes, bytes, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.setOutlineVisible(false);
        plot.setBackgroundPaint(theme.awt(Token.BACKGROUND));
        plot.setRangeGridlinePaint(theme.awt(Token.GRID));
        plot.setRangeZeroBaselineVisible(true);
        plot.setRangeZeroBaselinePaint(theme.awt(Token.MUTED));
        JFreeChart chart = new JFreeChart(null, theme.font(1), plot, false);
        chart.addSubtitle(title("Biggest changes of size by class (red grew, green shrank)"));
        style(chart);
        axes(classes, bytes);
        return chart;
    }

    /**
     * A watch run: the module's retained size and heap used after GC (bytes, left axis) and its leaked zombies
     * (count, right axis), per cycle, as the app's cycle chart.
     */
    JFreeChart cycles(List<WatchCycle> cycles, String title) {
        XYSeries retained = new XYSeries("module retained size");
        XYSeries heapUsed = new XYSeries("heap used after GC");
        XYSeries zombies = new XYSeries("zombies");
        for (WatchCycle cycle : cycles) {
            retained.add(cycle.cycle(), cycle.moduleRetainedSize());
            heapUsed.add(cycle.cycle(), cycle.heapUsedAfterGc());
            zombies.add(cycle.cycle(), cycle.zombieCount());
        }
        XYSeriesCollection bytes = new XYSeriesCollection();
        bytes.addSeries(retained);
        bytes.addSeries(heapUsed);
        NumberAxis cycleAxis = new NumberAxis("cycle");
        cycleAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        cycleAxis.setAutoRangeIncludesZero(false);
        NumberAxis bytesAxis = new NumberAxis("bytes");
        bytesAxis.setNumberFormatOverride(new ByteSizeFormat());
        bytesAxis.setAutoRangeIncludesZero(true);
        NumberAxis countAxis = new NumberAxis("zombies");
        countAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        countAxis.setAutoRangeIncludesZero(true);
        // From 0 like the bytes axis, so "no zombies" sits on the baseline; a flat run at 0 still gets 0 to 4.
        countAxis.setRangeType(org.jfree.data.RangeType.POSITIVE);
        countAxis.setAutoRangeMinimumSize(4);
        bytesAxis.setRangeType(org.jfree.data.RangeType.POSITIVE);
        XYLineAndShapeRenderer bytesRenderer = new XYLineAndShapeRenderer(true, true);
        XYLineAndShapeRenderer countRenderer = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(bytes, cycleAxis, bytesAxis, bytesRenderer);
        plot.setDataset(1, new XYSeriesCollection(zombies));
        plot.setRangeAxis(1, countAxis);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, countRenderer);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setBackgroundPaint(theme.awt(Token.BACKGROUND));
        plot.setRangeGridlinePaint(theme.awt(Token.GRID));
        bytesRenderer.setSeriesPaint(0, theme.awt(Token.ACCENT));
        bytesRenderer.setSeriesPaint(1, theme.awt(Token.CHART_2));
        countRenderer.setSeriesPaint(0, theme.awt(Token.DANGER));
        for (int i = 0; i < 2; i++) {
            bytesRenderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        countRenderer.setSeriesStroke(0, new BasicStroke(2f));
        JFreeChart chart = new JFreeChart(null, theme.font(1), plot, true);
        chart.getLegend().setPosition(RectangleEdge.TOP);
        chart.addSubtitle(0, title(title));
        style(chart);
        axes(cycleAxis, bytesAxis, countAxis);
        return chart;
    }

    private TextTitle title(String text) {
        TextTitle title = new TextTitle(text, theme.font(1.05).deriveFont(Font.BOLD));
        title.setPaint(theme.awt(Token.TEXT));
        title.setHorizontalAlignment(HorizontalAlignment.LEFT);
        title.setPadding(new RectangleInsets(6, 8, 6, 8));
        return title;
    }

    private void style(JFreeChart chart) {
        chart.setBackgroundPaint(theme.awt(Token.BACKGROUND));
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(BlockBorder.NONE);
            chart.getLegend().setBackgroundPaint(theme.awt(Token.BACKGROUND));
            chart.getLegend().setItemFont(theme.font(0.9));
            chart.getLegend().setItemPaint(theme.awt(Token.TEXT));
        }
    }

    private void axes(org.jfree.chart.axis.Axis... axes) {
        for (var axis : axes) {
            axis.setTickLabelFont(theme.font(0.85));
            axis.setTickLabelPaint(theme.awt(Token.MUTED));
            axis.setLabelFont(theme.font(0.85));
            axis.setLabelPaint(theme.awt(Token.MUTED));
            axis.setAxisLinePaint(theme.awt(Token.GRID));
            axis.setTickMarkPaint(theme.awt(Token.GRID));
        }
    }

    /** Class names can be whole source lines; a bar label shows the start. */
    private static String label(String name) {
        String line = name.replace('\n', ' ');
        return line.length() <= 48 ? line : line.substring(0, 47) + "…";
    }
}
