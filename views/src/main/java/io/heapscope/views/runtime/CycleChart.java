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
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
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
    /** Shown only on request ({@link #showSnapshotGcSeries}): the gap to {@code heapUsed} is what snapshots miss. */
    private final XYSeries heapUsedAfterSnapshotGc = new XYSeries("heap used after a snapshot's GC");
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
    /** A demo's phases, shaded, and whether each is the leak: restyled with the theme. */
    private final List<IntervalMarker> phases = new ArrayList<>();
    private final List<Boolean> phaseIsLeak = new ArrayList<>();

    CycleChart() {
        getStyleClass().add("cycle-chart");
        verdict.getStyleClass().add("watch-verdict");
        verdict.setId("watch-verdict");
        XYSeriesCollection bytes = new XYSeriesCollection();
        bytes.addSeries(retained);
        bytes.addSeries(heapUsed);
        bytes.addSeries(heapUsedAfterSnapshotGc);
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
        bytesRenderer.setSeriesVisible(2, false);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.getLegend().setPosition(RectangleEdge.TOP);
        chart.getLegend().setFrame(BlockBorder.NONE);
        // FX text measures narrower than it draws at small sizes; without room between items their labels overlap.
        chart.getLegend().setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 2, 2, 14));
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
        heapUsedAfterSnapshotGc.clear();
        zombies.clear();
        plot.clearDomainMarkers();
        phases.clear();
        phaseIsLeak.clear();
        plot.getDomainAxis().setAutoRange(true);
        verdict.setText("Watch: running…");
        emptyNote.setVisible(false);
        verdict.getStyleClass().removeAll("grows", "flat");
    }

    void add(WatchCycle cycle) {
        cycles.add(cycle);
        retained.add(cycle.cycle(), cycle.moduleRetainedSize());
        heapUsed.add(cycle.cycle(), cycle.heapUsedAfterGc());
        heapUsedAfterSnapshotGc.add(cycle.cycle(), cycle.heapUsedAfterSnapshotGc());
        zombies.add(cycle.cycle(), cycle.zombieCount());
        showVerdict(GrowthVerdict.of(cycles), false);
    }

    void finish() {
        showVerdict(GrowthVerdict.of(cycles), true);
    }

    /**
     * Adds a cycle judged by someone else (a demo judges each phase on its own, by its own measure), with the
     * verdict line {@code verdictText} ({@code cycle} null: the line alone), coloured by {@code grows} (null: no
     * verdict yet). The cycle's number is its place on this chart's axis.
     */
    void add(WatchCycle cycle, String verdictText, Boolean grows) {
        if (cycle != null) {
            cycles.add(cycle);
            retained.add(cycle.cycle(), cycle.moduleRetainedSize());
            heapUsed.add(cycle.cycle(), cycle.heapUsedAfterGc());
            heapUsedAfterSnapshotGc.add(cycle.cycle(), cycle.heapUsedAfterSnapshotGc());
            zombies.add(cycle.cycle(), cycle.zombieCount());
        }
        showVerdict(verdictText, grows);
    }

    /**
     * Shades cycles {@code first}..{@code last} as one phase of a demo, labelled, in the danger tone for a leak and
     * the success tone for a fix, and widens the axis to hold it: the audience sees where the fix begins, and the
     * room it will fill before it runs.
     */
    void showPhase(int first, int last, String label, boolean leak) {
        IntervalMarker marker = new IntervalMarker(first - 0.5, last + 0.5);
        marker.setLabel(label);
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        marker.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4, 6, 4, 6));
        phases.add(marker);
        phaseIsLeak.add(leak);
        stylePhase(marker, leak);
        plot.addDomainMarker(marker, org.jfree.chart.ui.Layer.BACKGROUND);
        NumberAxis axis = (NumberAxis) plot.getDomainAxis();
        double upper = Math.max(last + 0.5, axis.isAutoRange() ? 0 : axis.getUpperBound());
        double lower = axis.isAutoRange() ? first - 0.5 : Math.min(first - 0.5, axis.getLowerBound());
        axis.setRange(lower, upper);
    }

    private void stylePhase(IntervalMarker marker, boolean leak) {
        java.awt.Color tone = theme.awt(leak ? Token.DANGER : Token.SUCCESS);
        // The token's colour, faint enough that the lines on it stay readable.
        marker.setPaint(new java.awt.Color(tone.getRed(), tone.getGreen(), tone.getBlue(), 28));
        marker.setLabelPaint(tone);
        marker.setLabelFont(theme.font(0.85));
        marker.setLabelBackgroundColor(theme.awt(Token.BACKGROUND));
    }

    /** Shows or hides heap used after a snapshot's GC beside heap used after a normal GC. */
    void showSnapshotGcSeries(boolean show) {
        bytesRenderer.setSeriesVisible(2, show);
    }

    /** Shows or hides the module's lines (retained size, zombies): a demo that watches no module has none. */
    void showModuleSeries(boolean show) {
        bytesRenderer.setSeriesVisible(0, show);
        countRenderer.setSeriesVisible(0, show);
        plot.getRangeAxis(1).setVisible(show);
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
        showVerdict(text, growth.grows());
    }

    private void showVerdict(String text, Boolean grows) {
        verdict.setText(text);
        verdict.getStyleClass().removeAll("grows", "flat");
        if (grows != null) {
            verdict.getStyleClass().add(grows ? "grows" : "flat");
        }
    }

    private void restyle() {
        java.awt.Color background = theme.awt(Token.BACKGROUND);
        chart.setBackgroundPaint(background);
        plot.setBackgroundPaint(background);
        plot.setRangeGridlinePaint(theme.awt(Token.GRID));
        bytesRenderer.setSeriesPaint(0, theme.awt(Token.ACCENT));
        bytesRenderer.setSeriesPaint(1, theme.awt(Token.CHART_2));
        bytesRenderer.setSeriesPaint(2, theme.awt(Token.CHART_3));
        countRenderer.setSeriesPaint(0, theme.awt(Token.DANGER));
        for (int i = 0; i < 3; i++) {
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
        for (int i = 0; i < phases.size(); i++) {
            stylePhase(phases.get(i), phaseIsLeak.get(i));
        }
    }
}
