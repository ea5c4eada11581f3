package io.heapscope.views.runtime;

import io.heapscope.model.runtime.GrowthVerdict;
import io.heapscope.model.runtime.WatchCycle;
import io.heapscope.views.chart.ThemeProbes;
import io.heapscope.views.chart.ThemeProbes.Token;
import io.heapscope.views.chart.ByteSizeFormat;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;

/**
 * A watch run, cycle by cycle: the watched module's retained size and heap used after GC (bytes, left axis) and its
 * leaked zombies (count, right axis), with the verdict above: grows per cycle, or flat.
 */
final class CycleChart extends BorderPane {
    private final XYSeries retained = new XYSeries("module retained size");
    private final XYSeries heapUsed = new XYSeries("heap used after GC");
    private final XYSeries zombies = new XYSeries("zombies");
    private final List<WatchCycle> cycles = new ArrayList<>();
    private final Label verdict = new Label("Watch");
    private final Label emptyNote = new Label("Run a watch: each cycle runs the action on the module (then a reload),"
            + " a GC and a snapshot, and charts the module's retained size, its zombies and heap used after GC.");
    private final XYPlot plot;
    private final JFreeChart chart;
    private final XYLineAndShapeRenderer bytesRenderer = new XYLineAndShapeRenderer(true, true);
    private final XYLineAndShapeRenderer countRenderer = new XYLineAndShapeRenderer(true, true);
    private final ThemeProbes theme;

    CycleChart() {
        getStyleClass().add("cycle-chart");
        verdict.getStyleClass().add("watch-verdict");
        verdict.setId("watch-verdict");
        XYSeriesCollection bytes = new XYSeriesCollection();
        bytes.addSeries(retained);
        bytes.addSeries(heapUsed);
        NumberAxis cycleAxis = new NumberAxis("cycle");
        cycleAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        cycleAxis.setAutoRangeIncludesZero(false);
        NumberAxis bytesAxis = new NumberAxis();
        bytesAxis.setNumberFormatOverride(new ByteSizeFormat());
        NumberAxis countAxis = new NumberAxis("zombies");
        countAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        countAxis.setAutoRangeIncludesZero(true);
        plot = new XYPlot(bytes, cycleAxis, bytesAxis, bytesRenderer);
        plot.setDataset(1, new XYSeriesCollection(zombies));
        plot.setRangeAxis(1, countAxis);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, countRenderer);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.getLegend().setPosition(RectangleEdge.TOP);
        chart.getLegend().setFrame(BlockBorder.NONE);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("cycle-chart");
        io.heapscope.views.export.ChartSave.install(viewer, "watch-cycles");
        StackPane chartHolder = new StackPane(viewer, emptyNote);
        // An empty chart would draw meaningless axes ("0 B, 1 B"); until a watch runs, say what will be here.
        viewer.visibleProperty().bind(emptyNote.visibleProperty().not());
        emptyNote.getStyleClass().add("text-muted");
        emptyNote.setWrapText(true);
        setTop(verdict);
        setCenter(chartHolder);
        theme = new ThemeProbes(chartHolder, this::restyle);
        restyle();
    }

    void clear() {
        cycles.clear();
        retained.clear();
        heapUsed.clear();
        zombies.clear();
        verdict.setText("Watch: running…");
        emptyNote.setVisible(false);
        verdict.getStyleClass().removeAll("grows", "flat");
    }

    void add(WatchCycle cycle) {
        cycles.add(cycle);
        retained.add(cycle.cycle(), cycle.moduleRetainedSize());
        heapUsed.add(cycle.cycle(), cycle.heapUsedAfterGc());
        zombies.add(cycle.cycle(), cycle.zombieCount());
        showVerdict(GrowthVerdict.of(cycles), false);
    }

    void finish() {
        showVerdict(GrowthVerdict.of(cycles), true);
    }

    List<WatchCycle> cycles() {
        return List.copyOf(cycles);
    }

    String verdictText() {
        return verdict.getText();
    }

    private void showVerdict(GrowthVerdict growth, boolean done) {
        String text = (done ? "Verdict: " : "So far: ") + growth.word() + " (" + growth.reason() + ")";
        if (growth.hiddenRetentionNote() != null) {
            text += "; " + growth.hiddenRetentionNote();
        }
        verdict.setText(text);
        verdict.getStyleClass().removeAll("grows", "flat");
        verdict.getStyleClass().add(growth.grows() ? "grows" : "flat");
    }

    private void restyle() {
        java.awt.Color background = theme.awt(Token.BACKGROUND);
        chart.setBackgroundPaint(background);
        plot.setBackgroundPaint(background);
        plot.setRangeGridlinePaint(theme.awt(Token.GRID));
        bytesRenderer.setSeriesPaint(0, theme.awt(Token.ACCENT));
        bytesRenderer.setSeriesPaint(1, theme.awt(Token.CHART_2));
        countRenderer.setSeriesPaint(0, theme.awt(Token.DANGER));
        for (int i = 0; i < 2; i++) {
            bytesRenderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        countRenderer.setSeriesStroke(0, new BasicStroke(2f));
        for (var axis : List.of(plot.getDomainAxis(), plot.getRangeAxis(0), plot.getRangeAxis(1))) {
            axis.setTickLabelFont(theme.font(0.8));
            axis.setTickLabelPaint(theme.awt(Token.MUTED));
            axis.setLabelFont(theme.font(0.8));
            axis.setLabelPaint(theme.awt(Token.MUTED));
        }
        chart.getLegend().setBackgroundPaint(background);
        chart.getLegend().setItemFont(theme.font(0.8));
        chart.getLegend().setItemPaint(theme.awt(Token.TEXT));
    }
}
