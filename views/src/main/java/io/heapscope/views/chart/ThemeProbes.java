package io.heapscope.views.chart;

import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

import java.util.EnumMap;
import java.util.Map;

/**
 * The theme's colours and font for a JFreeChart. JFreeChart paints with AWT colours, so it cannot use CSS: invisible
 * probe labels, one per {@link Token}, take the theme's looked-up colours from {@code chart.css}, and the chart's
 * owner restyles whenever CSS changes them, so charts follow a theme switch like the rest of the window (no white
 * chart in a dark window).
 */
public final class ThemeProbes implements ChartTheme {

    /** A theme colour a chart may use; each is an AtlantaFX looked-up colour (see {@code chart.css}). */
    public enum Token {
        TEXT, MUTED, GRID, BACKGROUND, ACCENT, DANGER, SUCCESS, WARNING, CHART_1, CHART_2, CHART_3, CHART_4,
        CHART_5, CHART_6, CHART_7, CHART_8;

        String styleClass() {
            return "probe-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private static final String STYLESHEET = ThemeProbes.class.getResource("chart.css").toExternalForm();

    private final Map<Token, Label> probes = new EnumMap<>(Token.class);

    /** Adds the probes to {@code host} (unmanaged, invisible) and calls {@code restyle} whenever one changes. */
    public ThemeProbes(Pane host, Runnable restyle) {
        host.getStylesheets().add(STYLESHEET);
        for (Token token : Token.values()) {
            Label probe = new Label();
            probe.getStyleClass().addAll("theme-probe", token.styleClass());
            probe.setManaged(false);
            probe.setVisible(false);
            probe.textFillProperty().addListener((observable, old, now) -> restyle.run());
            probe.fontProperty().addListener((observable, old, now) -> restyle.run());
            probes.put(token, probe);
            host.getChildren().add(probe);
        }
    }

    @Override
    public java.awt.Color awt(Token token) {
        // The probes' CSS sets plain colours; a gradient would only come from a broken theme, then drawn see-through.
        Color fill = probes.get(token).getTextFill() instanceof Color colour ? colour : Color.TRANSPARENT;
        return new java.awt.Color((float) fill.getRed(), (float) fill.getGreen(), (float) fill.getBlue(),
                (float) fill.getOpacity());
    }

    public Color fx(Token token) {
        return probes.get(token).getTextFill() instanceof Color colour ? colour : Color.TRANSPARENT;
    }

    /** The theme's text font as AWT, scaled (charts use slightly smaller text than controls). */
    @Override
    public java.awt.Font font(double scale) {
        javafx.scene.text.Font fxFont = probes.get(Token.TEXT).getFont();
        return new java.awt.Font(fxFont.getFamily(), java.awt.Font.PLAIN, (int) Math.round(fxFont.getSize() * scale));
    }
}
