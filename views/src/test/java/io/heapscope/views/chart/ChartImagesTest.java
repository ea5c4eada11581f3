package io.heapscope.views.chart;

import io.heapscope.views.chart.ThemeProbes.Token;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.RingPlot;
import org.jfree.data.general.DefaultPieDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Charts to images with no display: the build runs these with {@code java.awt.headless=true}. */
class ChartImagesTest {

    private static JFreeChart ring() {
        DefaultPieDataset<String> data = new DefaultPieDataset<>();
        data.setValue("Code", 40);
        data.setValue("Strings", 60);
        RingPlot plot = new RingPlot(data);
        LightChartTheme theme = LightChartTheme.get();
        plot.setSectionPaint("Code", theme.awt(Token.CHART_1));
        plot.setSectionPaint("Strings", theme.awt(Token.CHART_2));
        plot.setBackgroundPaint(theme.awt(Token.BACKGROUND));
        JFreeChart chart = new JFreeChart("Statistics", theme.font(1.2), plot, false);
        chart.setBackgroundPaint(theme.awt(Token.BACKGROUND));
        return chart;
    }

    @Test
    void aChartBecomesAPngWithNoDisplayInTheThemesColours(@TempDir Path dir) throws IOException {
        assertTrue(GraphicsEnvironment.isHeadless(), "the build runs charts headless");
        Path file = dir.resolve("ring.png");
        ChartImages.writePng(ring(), 400, 300, file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image);
        assertEquals(400, image.getWidth());
        assertEquals(300, image.getHeight());
        // The corner is the theme's background; somewhere in the ring is the first chart colour.
        assertEquals(LightChartTheme.get().awt(Token.BACKGROUND).getRGB(), image.getRGB(2, 2));
        int chart1 = LightChartTheme.get().awt(Token.CHART_1).getRGB();
        boolean found = false;
        for (int x = 0; x < image.getWidth() && !found; x++) {
            for (int y = 0; y < image.getHeight() && !found; y++) {
                found = image.getRGB(x, y) == chart1;
            }
        }
        assertTrue(found, "a slice in -color-chart-1");

        BufferedImage doubled = ImageIO.read(new ByteArrayInputStream(ChartImages.png(ring(), 400, 300, 2)));
        assertEquals(800, doubled.getWidth());
    }

    @Test
    void aChartBecomesAnSvgDocument(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ring.svg");
        ChartImages.writeSvg(ring(), 400, 300, file);
        String svg = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg") && svg.trim().endsWith("</svg>"), svg.substring(0, 200));
        assertTrue(svg.contains("Statistics"), "the title as text");
        java.awt.Color c = LightChartTheme.get().awt(Token.CHART_1);
        String chart1 = "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
        assertTrue(svg.contains(chart1), "slice colour " + chart1);
    }

    @Test
    void theLightThemeIsPrimerLightsOwnTokens() throws IOException {
        String primer;
        try (InputStream in = LightChartTheme.class.getResourceAsStream("/atlantafx/base/theme/primer-light.css")) {
            primer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        LightChartTheme theme = LightChartTheme.get();
        assertDeclares(primer, "-color-chart-1", theme.awt(Token.CHART_1));
        assertDeclares(primer, "-color-chart-8", theme.awt(Token.CHART_8));
        assertDeclares(primer, "-color-fg-default", theme.awt(Token.TEXT));
        assertDeclares(primer, "-color-bg-default", theme.awt(Token.BACKGROUND));
        assertDeclares(primer, "-color-accent-emphasis", theme.awt(Token.ACCENT));
        for (Token token : Token.values()) {
            assertNotNull(theme.awt(token), token::name);
        }
        assertTrue(primer.contains("-fx-font-size: " + Math.round(theme.fontSize()) + "px"));
    }

    private static void assertDeclares(String css, String token, java.awt.Color colour) {
        String hex = String.format(Locale.ROOT, "#%06x", colour.getRGB() & 0xffffff);
        assertTrue(css.contains(token + ": " + hex + ";"), token + " should be " + hex);
    }
}
