package io.heapscope.views.modules;

import io.heapscope.model.format.HeapText;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.modules.JsModule;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.modules.ModuleState;
import io.heapscope.views.chart.ByteSizeFormat;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
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
 * <p>JFreeChart paints with AWT colours, so the chart cannot use CSS directly. Invisible probe labels carry the
 * theme's tokens instead ({@code modules.css} sets their text fill); the chart re-reads them whenever CSS changes
 * them, so it follows a theme switch like the rest of the window.
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
    private final Label barColour = probe("probe-bar");
    private final Label zombieColour = probe("probe-zombie");
    private final Label textColour = probe("probe-text");
    private final Label mutedColour = probe("probe-muted");
    private final Label gridColour = probe("probe-grid");
    private final Label backgroundColour = probe("probe-background");

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

        // No context menu: its export and zoom entries are not what this small chart is for.
        ChartViewer viewer = new ChartViewer(chart, false);
        viewer.setId("modules-chart");
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
        for (Label probe : List.of(barColour, zombieColour, textColour, mutedColour, gridColour, backgroundColour)) {
            getChildren().add(probe);
            probe.textFillProperty().addListener((observable, old, now) -> restyle());
            probe.fontProperty().addListener((observable, old, now) -> restyle());
        }
        restyle();
    }

    /** The bars, biggest first. */
    List<Bar> bars() {
        return bars;
    }

    JFreeChart chart() {
        return chart;
    }

    /** Paints the chart with the probes' colours and font: the theme's, once CSS has reached them. */
    private void restyle() {
        java.awt.Color text = awt(textColour);
        java.awt.Color muted = awt(mutedColour);
        java.awt.Color background = awt(backgroundColour);
        javafx.scene.text.Font fxFont = textColour.getFont();
        java.awt.Font font = new java.awt.Font(fxFont.getFamily(), java.awt.Font.PLAIN,
                (int) Math.round(fxFont.getSize() * 0.9));
        java.awt.Font small = font.deriveFont((float) Math.round(fxFont.getSize() * 0.8));

        chart.setBackgroundPaint(background);
        plot.setBackgroundPaint(background);
        plot.setRangeGridlinePaint(awt(gridColour));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        renderer.setSeriesPaint(0, awt(barColour));
        renderer.setSeriesPaint(1, awt(zombieColour));
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
