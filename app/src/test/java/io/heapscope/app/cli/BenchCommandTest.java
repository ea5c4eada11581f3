package io.heapscope.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchCommandTest {
    private static final String TINY = Path.of("..", "samples", "snapshots", "tiny.heapsnapshot.gz").toString();

    /** Every numeric field, flattened to "object.field". */
    private static Map<String, Double> numbers(String json) throws IOException {
        Map<String, Double> values = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            String object = "";
            String field = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    field = parser.currentName();
                } else if (token == JsonToken.START_OBJECT && field != null) {
                    object = field + ".";
                } else if (token == JsonToken.END_OBJECT) {
                    object = "";
                } else if (token.isNumeric()) {
                    values.put(object + field, parser.getDoubleValue());
                }
            }
        }
        return values;
    }

    @Test
    void reportsEveryPhaseTheMemoryAndTheFirstRun() throws IOException {
        CliRun run = CliRun.of("bench", TINY, "--runs", "2", "--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        Map<String, Double> values = numbers(run.out());
        assertEquals(2.0, values.get("runs"));
        for (String phase : List.of("Reading snapshot", "Indexing retainers", "Calculating distances (beside)",
                "Building the dominator tree", "Naming classes (beside)", "Summarising classes", "total")) {
            assertTrue(values.containsKey("median_ms." + phase), () -> phase + " in " + run.out());
            assertTrue(values.containsKey("first_run_ms." + phase), () -> phase + " in " + run.out());
        }
        assertTrue(values.get("median_ms.total") > 0);
        assertTrue(values.get("peak_heap_bytes") > 0);
        assertTrue(values.get("peak_rss_bytes") > values.get("peak_heap_bytes") / 4, run.out());
    }

    @Test
    void textIsATable() {
        CliRun run = CliRun.of("bench", TINY, "--runs", "1");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s).*phase +median ms first run ms\n.*\ntotal +\\d+ +\\d+\n.*"), run.out());
        assertTrue(run.out().contains("peak RSS"), run.out());
    }

    @Test
    void viewsTimesTheDesktopViewsStepsOnTheBiggestClassAndDominator() throws IOException {
        String leak = Path.of("..", "samples", "snapshots", "cjs-hot-reload-leak.heapsnapshot.gz").toString();
        CliRun run = CliRun.of("bench", leak, "--views", "--runs", "1");

        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        // The class with the most instances of the sample is (string), 32,446 of them (see `heapscope info`).
        assertTrue(out.contains("Summary: open (string) (32,446 objects)"), out);
        for (String column : List.of("Constructor", "Distance", "Count", "Shallow Size", "Retained Size")) {
            assertTrue(out.contains("Summary: sort by " + column + ", class open"), out);
        }
        assertTrue(out.contains("Dominators: open "), out);
        assertTrue(out.contains("Containment: root"), out);
        assertTrue(out.contains("Naming classes (views)"), out);

        CliRun json = CliRun.of("bench", leak, "--views", "--runs", "0", "--format", "json");
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().contains("\"step\" : \"Containment: root\"")
                || json.out().contains("\"step\":\"Containment: root\""), json.out());
    }
}
