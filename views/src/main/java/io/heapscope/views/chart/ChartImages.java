package io.heapscope.views.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Any JFreeChart as a PNG or SVG image, in memory or to a file. Draws with AWT/Java2D only: no display, no JavaFX
 * toolkit, so it runs with {@code java.awt.headless=true} (command line, CI) as well as in the app. The chart is
 * drawn as it is set up (colours, fonts): style it first, e.g. with {@link LightChartTheme} for reports.
 *
 * <p>{@code scale} draws the same layout with more pixels: 2 gives a sharp image on a high-density screen at the
 * cost of four times the pixels.
 */
public final class ChartImages {
    private ChartImages() {
    }

    /** The chart drawn at {@code width × height} (times {@code scale} pixels), as PNG bytes. */
    public static byte[] png(JFreeChart chart, int width, int height, double scale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writePng(chart, width, height, scale, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /** The chart as PNG bytes, one pixel per unit. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        return png(chart, width, height, 1);
    }

    /** Writes the chart to {@code file} as PNG. */
    public static void writePng(JFreeChart chart, int width, int height, double scale, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writePng(chart, width, height, scale, out);
        }
    }

    /** Writes the chart to {@code file} as PNG, one pixel per unit. */
    public static void writePng(JFreeChart chart, int width, int height, Path file) throws IOException {
        writePng(chart, width, height, 1, file);
    }

    private static void writePng(JFreeChart chart, int width, int height, double scale, OutputStream out)
            throws IOException {
        check(width, height);
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale " + scale);
        }
        BufferedImage image = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }

    /** The chart as an SVG document ({@code <svg ...>...</svg>}), {@code width × height} user units. */
    public static String svg(JFreeChart chart, int width, int height) {
        check(width, height);
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return g2.getSVGDocument();
    }

    /** The chart as SVG bytes (UTF-8). */
    public static byte[] svgBytes(JFreeChart chart, int width, int height) {
        return svg(chart, width, height).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the chart to {@code file} as SVG (UTF-8). */
    public static void writeSvg(JFreeChart chart, int width, int height, Path file) throws IOException {
        Files.write(file, svgBytes(chart, width, height));
    }

    private static void check(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size " + width + " × " + height);
        }
    }
}
