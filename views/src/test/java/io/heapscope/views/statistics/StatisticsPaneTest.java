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

    /** The first number named {@code field} in a piece of the oracle's JSON (the views have no JSON library). */
    private static long number(String json, String field) {
        var matcher = java.util.regex.Pattern.compile("\"" + field + "\":\\s*(\\d+)").matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("no " + field);
        }
        return Long.parseLong(matcher.group(1));
    }
}
