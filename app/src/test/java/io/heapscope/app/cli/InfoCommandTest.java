package io.heapscope.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code heapscope info} on the committed sample snapshots and on broken files. */
class InfoCommandTest {
    private static final Path SAMPLES = Path.of("..", "samples", "snapshots");

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** The top-level scalar fields of a JSON object. */
    private static Map<String, String> topLevelScalars(String json) throws IOException {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            assertEquals(JsonToken.START_OBJECT, parser.nextToken());
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value.isStructStart()) {
                    parser.skipChildren();
                } else {
                    fields.put(name, parser.getText());
                }
            }
        }
        return fields;
    }

    @Test
    void textReportsCountsTypesAndRoots() {
        CliRun run = run("info", SAMPLES.resolve("tiny.heapsnapshot.gz").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Nodes       39,223"), run.out());
        assertTrue(run.out().contains("Edges       178,150"), run.out());
        assertTrue(run.out().contains("shortcut"), run.out());
        assertTrue(run.out().contains("(user root)"), run.out());
        assertTrue(run.out().contains("(Stack roots)"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void jsonHasCountsTraceFlagsAndTimings() throws IOException {
        CliRun run = run("info", "--format", "json", "--timings",
                SAMPLES.resolve("trace-alloc.heapsnapshot.gz").toString());

        assertEquals(0, run.exitCode(), run.err());
        Map<String, String> fields = topLevelScalars(run.out());
        assertEquals("52195", fields.get("node_count"));
        assertEquals("218539", fields.get("edge_count"));
        assertEquals("true", fields.get("has_trace_data"));
        assertEquals("true", fields.get("has_locations"));
        assertEquals("1", fields.get("user_roots"));
        assertEquals("5062005", fields.get("text_bytes"), "gzip is timed against the uncompressed text");
        assertTrue(Double.parseDouble(fields.get("megabytes_per_second")) > 0);
        assertTrue(run.out().contains("\"Reading snapshot\""), run.out());
    }

    @Test
    void aTruncatedFileIsOneLineNamingSectionAndOffsetWithExitCode2(@TempDir Path dir) throws IOException {
        byte[] text = "{\"snapshot\":{\"meta\":{}},\"nodes\":[1,2".getBytes(StandardCharsets.US_ASCII);
        Path file = Files.write(dir.resolve("broken.heapsnapshot"), text);

        CliRun run = run("info", file.toString());

        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("heapscope: not a heap snapshot: snapshot.meta.node_fields is missing"),
                run.err());
        assertTrue(run.err().contains("in section \"snapshot\" at byte 12"), run.err());
    }

    @Test
    void notASnapshotAndMissingFilesExitWith2(@TempDir Path dir) throws IOException {
        Path json = Files.writeString(dir.resolve("package.json"), "{\"name\":\"app\"}");

        CliRun notSnapshot = run("info", json.toString());
        CliRun missing = run("info", dir.resolve("nope.heapsnapshot").toString());

        assertEquals(2, notSnapshot.exitCode());
        assertEquals("heapscope: not a heap snapshot: the first key is \"name\", expected \"snapshot\" at byte 1",
                notSnapshot.err().strip());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().startsWith("heapscope: no such file:"), missing.err());
    }
}
