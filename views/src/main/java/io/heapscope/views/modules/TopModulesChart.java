package io.heapscope.views.modules;

import io.heapscope.model.format.HeapText;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.modules.JsModule;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.modules.ModuleState;
import io.heapscope.views.chart.ByteSizeFormat;
import io.heapscope.views.chart.ThemeProbes;
import io.heapscope.views.chart.ThemeProbes.Token;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A horizontal bar chart of the modules retaining most, biggest on top, zombies in the theme's danger colour.
 * Clicking a bar selects the module's object.
 *
 * <p>The colours are the theme's, read through {@link ThemeProbes}, so the chart follows a theme switch.
 */
final class TopModulesChart extends StackPane {
    static final int TOP = 10;
    static final String MODULE_SERIES = "module";
    static final String ZOMBIE_SERIES = "zombie";

    /** A bar: its label on the axis, unique within the chart; ordered by position so the dataset keeps ours. */
    record Bar(int position, int module, int node, String label) implements Comparable<Bar> {
        @Override
        public int compareTo(Bar other) {
            return Integer.compare(position, other.position);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final List<Bar> bars;
    private final JFreeChart chart;
    private final CategoryPlot plot;
    private final StackedBarRenderer renderer = new StackedBarRenderer();
    private final ThemeProbes theme;

    TopModulesChart(ModuleGraph modules, HeapGraph graph, IntConsumer select) {
        getStyleClass().add("top-modules-chart");
        List<JsModule> top = modules.modules().stream()
                .sorted(Comparator.comparingLong(JsModule::retainedSize).reversed().thenComparing(JsModule::index))
                .limit(TOP).toList();
        // Several copies of one file (hot.js × 20) need their ids to tell the bars apart.
        Map<String, Long> nameCounts = top.stream()
                .collect(Collectors.groupingBy(m -> HeapText.shortModuleName(m.name()), Collectors.counting()));
        this.bars = new ArrayList<>();
        for (JsModule module : top) {
            String name = HeapText.shortModuleName(module.name());
            bars.add(new Bar(bars.size(), module.index(), module.node(),
                    nameCounts.get(name) > 1 ? name + " @" + graph.nodeId(module.node()) : name));
        }
        boolean anyZombie = top.stream().anyMatch(m -> m.state() == ModuleState.ZOMBIE);

        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        // One series per colour, stacked, each bar in one of them: the legend then explains the colours.
        for (int i = 0; i < top.size(); i++) {
            boolean zombie = top.get(i).state() == ModuleState.ZOMBIE;
            dataset.addValue(zombie ? null : top.get(i).retainedSize(), MODULE_SERIES, bars.get(i));
            if (anyZombie) {
                dataset.addValue(zombie ? top.get(i).retainedSize() : null, ZOMBIE_SERIES, bars.get(i));
            }
        }

        CategoryAxis categories = new CategoryAxis();
        categories.setMaximumCategoryLabelWidthRatio(0.45f);
        categories.setCategoryMargin(0.25);
        categories.setAxisLineVisible(false);
        categories.setTickMarksVisible(false);
        // The section's title says what the values are; the axis needs no label of its own.
        NumberAxis values = new NumberAxis();
        values.setNumberFormatOverride(new ByteSizeFormat());
        values.setAxisLineVisible(false);
        values.setTickMarksVisible(false);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.12);
        // Each bar says its size: beside the main module, which usually retains most, the others are slivers.
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new ByteSizeFormat()));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                TextAnchor.CENTER_LEFT));
        renderer.setItemLabelAnchorOffset(4);
        values.setUpperMargin(0.3);
        renderer.setDefaultToolTipGenerator((data, row, column) -> {
            Bar bar = (Bar) data.getColumnKey(column);
            JsModule module = modules.module(bar.module());
            return module.name() + "\n" + module.state().label() + ", " + ByteSizes.human(module.retainedSize())
                    + " retained (" + ByteSizes.grouped(module.retainedSize()) + " bytes)";
        });
        plot = new CategoryPlot(dataset, categories, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinesVisible(true);
        plot.setDomainGridlinesVisible(false);
        plot.setInsets(new RectangleInsets(4, 4, 4, 12));
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, anyZombie);
        if (anyZombie) {
            chart.getLegend().setPosition(RectangleEdge.TOP);
            chart.getLegend().setFrame(BlockBorder.NONE);
        }

        // Not JFreeChart's context menu (its zoom entries are not what this small chart is for): only saving it.
        ChartViewer viewer = new ChartViewer(chart, false);
        viewer.setId("modules-chart");
        io.heapscope.views.export.ChartSave.install(viewer, "top-modules");
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                if (event.getEntity() instanceof CategoryItemEntity item && item.getColumnKey() instanceof Bar bar) {
                    select.accept(bar.node());
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
            }
        });
        getChildren().add(viewer);
        theme = new ThemeProbes(this, this::restyle);
        restyle();
    }

    /** The bars, biggest first. */
    List<Bar> bars() {
        return bars;
    }

    JFreeChart chart() {
        return chart;
    }

    /** The theme's colours as the chart reads them: for tests. */
    ThemeProbes theme() {
        return theme;
    }

    /** Paints the chart with the theme's colours and font, once CSS has reached the probes. */
    private void restyle() {
        java.awt.Color text = theme.awt(Token.TEXT);
        java.awt.Color muted = theme.awt(Token.MUTED);
        java.awt.Color background = theme.awt(Token.BACKGROUND);
        java.awt.Font font = theme.font(0.9);
        java.awt.Font small = theme.font(0.8);

        chart.setBackgroundPaint(background);
        plot.setBackgroundPaint(background);
        plot.setRangeGridlinePaint(theme.awt(Token.GRID));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        renderer.setSeriesPaint(0, theme.awt(Token.ACCENT));
        // Zombies in the danger colour, as their rows and chips are in modules.css.
        renderer.setSeriesPaint(1, theme.awt(Token.DANGER));
        CategoryAxis categories = plot.getDomainAxis();
        categories.setTickLabelFont(font);
        categories.setTickLabelPaint(text);
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        values.setTickLabelFont(small);
        values.setTickLabelPaint(muted);
        renderer.setDefaultItemLabelFont(small);
        renderer.setDefaultItemLabelPaint(muted);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setBackgroundPaint(background);
            legend.setItemFont(small);
            legend.setItemPaint(text);
        }
    }
}
