package io.heapscope.views.statistics;

import static io.heapscope.views.heap.Samples.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.classes.HeapStatistics;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.views.heap.HeapClasses;
import io.heapscope.views.heap.Samples;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Statistics chart draws the model's numbers, which are DevTools'. */
class StatisticsPaneTest {
    private static HeapStatistics statistics;

    @BeforeAll
    static void load() throws Exception {
        FxToolkit.registerPrimaryStage();
        onFx(() -> javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
        HeapAnalysis analysis = Samples.analyze("global-array-leak");
        statistics = HeapClasses.compute(analysis, ProgressMonitor.none()).statistics();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theChartHasTheModelsCategoriesAndTheTotal() throws Exception {
        var stage = FxToolkit.registerPrimaryStage();
        StatisticsPane pane = onFx(() -> {
            StatisticsPane built = new StatisticsPane(statistics);
            stage.setScene(new Scene(built, 1000, 600));
            stage.show();
            return built;
        });
        WaitForAsyncUtils.waitForFxEvents();

        StatisticsChart chart = pane.chart();
        assertEquals(statistics.code(), chart.value("Code"));
        assertEquals(statistics.strings(), chart.value("Strings"));
        assertEquals(statistics.jsArrays(), chart.value("JS arrays"));
        assertEquals(statistics.typedArrays(), chart.value("Typed arrays"));
        assertEquals(statistics.system(), chart.value("System objects"));
        long sum = pane.categories().stream().mapToLong(StatisticsPane.Category::bytes).sum();
        assertEquals(statistics.total(), sum);
        // DevTools' own numbers for this sample.
        String oracle = java.nio.file.Files.readString(java.nio.file.Path.of("..", "samples", "snapshots", "oracle",
                "global-array-leak.summary.json"));
        oracle = oracle.substring(oracle.indexOf("\"statistics\""));
        assertEquals(number(oracle, "total"), statistics.total());
        assertEquals(number(oracle, "code"), chart.value("Code"));
        assertEquals(number(oracle, "jsArrays"), chart.value("JS arrays"));
        assertEquals("Total 5.7 MB", onFx(() -> ((Labeled) pane.lookup("#statistics-total")).getText()));
    }

    @Test
    void saveChartWritesADecodablePngAndAWellFormedSvgAndTheTableCopiesAsMarkdown(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path temp) throws Exception {
        var stage = FxToolkit.registerPrimaryStage();
        StatisticsPane pane = onFx(() -> {
            StatisticsPane built = new StatisticsPane(statistics);
            stage.setScene(new Scene(built, 1000, 600));
            stage.show();
            return built;
        });
        WaitForAsyncUtils.waitForFxEvents();
        org.jfree.chart.fx.ChartViewer viewer = findViewer(pane);
        io.heapscope.views.export.ChartSave save = io.heapscope.views.export.ChartSave.of(viewer);
        save.setFileAsker((format, suggested) -> temp.resolve(suggested));
        // Through the chart's own menu items, as a user saves it.
        onFx(() -> save.menu().getItems().stream().filter(item -> "save-chart-png".equals(item.getId()))
                .findFirst().orElseThrow().fire());
        onFx(() -> save.menu().getItems().stream().filter(item -> "save-chart-svg".equals(item.getId()))
                .findFirst().orElseThrow().fire());

        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(temp.resolve("statistics.png").toFile());
        double width = onFx(() -> viewer.getWidth());
        assertEquals(Math.round(Math.max(200, Math.round(width)) * 2), png.getWidth());
        // The ring is drawn: not one colour over the whole image.
        int corner = png.getRGB(0, 0);
        boolean drawn = false;
        for (int x = 0; x < png.getWidth() && !drawn; x += 7) {
            drawn = png.getRGB(x, png.getHeight() / 2) != corner;
        }
        org.junit.jupiter.api.Assertions.assertTrue(drawn);
        javax.xml.parsers.DocumentBuilderFactory xml = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        // Well-formed is the question, offline: the SVG DTD is not fetched.
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        org.w3c.dom.Document svg = xml.newDocumentBuilder().parse(temp.resolve("statistics.svg").toFile());
        assertEquals("svg", svg.getDocumentElement().getLocalName() != null
                ? svg.getDocumentElement().getLocalName() : svg.getDocumentElement().getTagName());

        String markdown = pane.tableMarkdown();
        java.util.List<String> lines = markdown.lines().toList();
        assertEquals(2 + pane.categories().size() + 1, lines.size(), markdown);
        org.junit.jupiter.api.Assertions.assertTrue(lines.get(0).matches("\\| Category +\\| +Size \\| +Share \\| +Bytes \\|"),
                lines.get(0));
        org.junit.jupiter.api.Assertions.assertTrue(lines.get(lines.size() - 1).matches(
                "\\| Total +\\| +5\\.7 MB \\| +100 % \\| +" + java.util.regex.Pattern.quote(
                io.heapscope.model.format.ByteSizes.grouped(statistics.total())) + " \\|"), lines.get(lines.size() - 1));
    }

    private static org.jfree.chart.fx.ChartViewer findViewer(javafx.scene.Parent parent) {
        for (javafx.scene.Node node : parent.lookupAll("*")) {
            if (node instanceof org.jfree.chart.fx.ChartViewer viewer) {
                return viewer;
            }
        }
        throw new AssertionError("no chart");
    }

    /** The first number named {@code field} in a piece of the oracle's JSON (the views have no JSON library). */
    private static long number(String json, String field) {
        var matcher = java.util.regex.Pattern.compile("\"" + field + "\":\\s*(\\d+)").matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("no " + field);
        }
        return Long.parseLong(matcher.group(1));
    }
}
