package io.heapscope.views.runtime;

import io.heapscope.model.runtime.RuntimeMarker;
import io.heapscope.model.runtime.TelemetryPoint;
import io.heapscope.model.runtime.TelemetrySeries;
import io.heapscope.views.chart.ThemeProbes;
import io.heapscope.views.chart.ThemeProbes.Token;
import io.heapscope.views.chart.ByteSizeFormat;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A runtime's memory over time (rss, heap total, heap used, external), with a vertical marker for every major GC,
 * snapshot and user action. Markers carry no labels: a watch puts a dozen within seconds and their text would pile
 * up into a smudge; a subtitle says what each colour means instead.
 */
final class MemoryChart extends StackPane {
    /** The series drawn, in legend order. */
    enum Metric {
        RSS("rss", TelemetryPoint::rss, Token.CHART_1),
        HEAP_TOTAL("heap total", TelemetryPoint::heapTotal, Token.CHART_2),
        HEAP_USED("heap used", TelemetryPoint::heapUsed, Token.ACCENT),
        EXTERNAL("external", TelemetryPoint::external, Token.CHART_4);

        final String label;
        final ToLongFunction<TelemetryPoint> value;
        final Token colour;

        Metric(String label, ToLongFunction<TelemetryPoint> value, Token colour) {
            this.label = label;
            this.value = value;
            this.colour = colour;
        }
    }

    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final XYPlot plot;
    private final JFreeChart chart;
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final ThemeProbes theme;
    private final TextTitle markerKey = new TextTitle(
            "markers: green = snapshot (one per watch cycle), orange = forced GC or module action, dotted = major GC");
    private List<RuntimeMarker> drawnMarkers = List.of();

    MemoryChart() {
        getStyleClass().add("memory-chart");
        for (Metric metric : Metric.values()) {
            XYSeries series = new XYSeries(metric.label, true, true);
            dataset.addSeries(series);
        }
        DateAxis time = new DateAxis();
        time.setDateFormatOverride(new SimpleDateFormat("HH:mm:ss"));
        time.setAxisLineVisible(false);
        NumberAxis bytes = new NumberAxis();
        bytes.setNumberFormatOverride(new ByteSizeFormat());
        bytes.setAutoRangeIncludesZero(true);
        bytes.setAxisLineVisible(false);
        for (int i = 0; i < Metric.values().length; i++) {
            renderer.setSeriesStroke(i, new BasicStroke(i == Metric.HEAP_USED.ordinal() ? 2.2f : 1.4f));
        }
        plot = new XYPlot(dataset, time, bytes, renderer);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.getLegend().setPosition(RectangleEdge.TOP);
        chart.getLegend().setFrame(BlockBorder.NONE);
        // FX text measures narrower than it draws at small sizes; without room between items their labels overlap.
        chart.getLegend().setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 2, 2, 14));
        markerKey.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(markerKey);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("memory-chart");
        io.heapscope.views.export.ChartSave.install(viewer, "memory");
        getChildren().add(viewer);
        theme = new ThemeProbes(this, this::restyle);
        restyle();
    }

    /** Redraws from the series; cheap enough to call every second (the series holds a few thousand points). */
    void refresh(TelemetrySeries telemetry) {
        List<TelemetryPoint> points = telemetry.points();
        chart.setNotify(false);
        try {
            for (Metric metric : Metric.values()) {
                XYSeries series = dataset.getSeries(metric.ordinal());
                series.clear();
                for (TelemetryPoint point : points) {
                    series.add(point.timeMillis(), metric.value.applyAsLong(point), false);
                }
            }
            List<RuntimeMarker> markers = telemetry.markers();
            if (!markers.equals(drawnMarkers)) {
                drawMarkers(markers);
            }
        } finally {
            chart.setNotify(true);
        }
    }

    /** The values drawn for one metric (for tests). */
    List<Number> values(Metric metric) {
        XYSeries series = dataset.getSeries(metric.ordinal());
        return series.getItems().stream().map(item -> ((org.jfree.data.xy.XYDataItem) item).getY()).toList();
    }

    List<RuntimeMarker> drawnMarkers() {
        return drawnMarkers;
    }

    JFreeChart chart() {
        return chart;
    }

    private void drawMarkers(List<RuntimeMarker> markers) {
        plot.clearDomainMarkers();
        for (RuntimeMarker marker : markers) {
            ValueMarker line = new ValueMarker(marker.timeMillis());
            line.setPaint(theme.awt(colourOf(marker.kind())));
            line.setStroke(new BasicStroke(marker.kind() == RuntimeMarker.Kind.GC ? 0.8f : 1.4f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    marker.kind() == RuntimeMarker.Kind.GC ? new float[] {3f, 3f} : null, 0f));
            plot.addDomainMarker(line);
        }
        drawnMarkers = markers;
    }

    private static Token colourOf(RuntimeMarker.Kind kind) {
        return switch (kind) {
            case GC -> Token.MUTED;
            case SNAPSHOT -> Token.SUCCESS;
            case ACTION -> Token.WARNING;
        };
    }

    private void restyle() {
        java.awt.Color background = theme.awt(Token.BACKGROUND);
        chart.setBackgroundPaint(background);
        plot.setBackgroundPaint(background);
        plot.setRangeGridlinePaint(theme.awt(Token.GRID));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        for (Metric metric : Metric.values()) {
            renderer.setSeriesPaint(metric.ordinal(), theme.awt(metric.colour));
        }
        for (var axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            axis.setTickLabelFont(theme.font(0.8));
            axis.setTickLabelPaint(theme.awt(Token.MUTED));
        }
        chart.getLegend().setBackgroundPaint(background);
        chart.getLegend().setItemFont(theme.font(0.8));
        chart.getLegend().setItemPaint(theme.awt(Token.TEXT));
        markerKey.setFont(theme.font(0.75));
        markerKey.setPaint(theme.awt(Token.MUTED));
        drawMarkers(drawnMarkers);
    }
}
