package io.heapscope.views.chart;

import io.heapscope.views.chart.ThemeProbes.Token;

/**
 * Where a JFreeChart takes its colours and font: the window's live theme ({@link ThemeProbes}) or, with no JavaFX
 * toolkit, the light theme's tokens read from its stylesheet ({@link LightChartTheme}). One styling code path
 * serves both.
 */
public interface ChartTheme {
    java.awt.Color awt(Token token);

    /** The theme's text font, scaled (charts use slightly smaller text than controls). */
    java.awt.Font font(double scale);
}
