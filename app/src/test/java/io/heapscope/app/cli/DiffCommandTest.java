package io.heapscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** heapscope diff on the committed pair of snapshots of one process, against DevTools' Comparison view. */
class DiffCommandTest {
    private static final Path SAMPLES = Path.of("..", "samples", "snapshots");
    private static final String BEFORE = SAMPLES.resolve("pair-before.heapsnapshot.gz").toString();
    private static final String AFTER = SAMPLES.resolve("pair-after.heapsnapshot.gz").toString();

    /** DevTools' rows (pair-after compared with pair-before) in order, without the class_key column. */
    private static List<String> referenceRows() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                SAMPLES.resolve("oracle").resolve("pair.diff.tsv.gz")))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.substring(line.indexOf('\t') + 1)).toList();
        }
    }

    @Test
    void tsvEqualsDevToolsComparisonRowForRow() throws IOException {
        CliRun run = CliRun.of("diff", BEFORE, AFTER, "--format", "tsv");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("class_name\tnew_count\tdeleted_count\tdelta_count\talloc_size\tfreed_size\tsize_delta",
                lines.get(0));
        assertEquals(referenceRows(), lines.subList(1, lines.size()));
    }

    @Test
    void textShowsTheTopRowsWithReadableSizes() {
        CliRun run = CliRun.of("diff", BEFORE, AFTER, "--top", "2");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Constructor") && lines.get(0).contains("Size Delta"), run.out());
        assertEquals(List.of("Invoice", "1,000", "0", "+1,000", "40.0", "kB", "0", "B", "+40.0", "kB"),
                List.of(lines.get(1).trim().split("\\s+")));
        assertTrue(lines.get(2).startsWith("(compiled code) "), run.out());
        assertTrue(run.out().contains("2 of 48 changed classes"), run.out());
    }

    @Test
    void filterAndJsonGiveTheMatchingRowsWithKeys() throws IOException {
        CliRun run = CliRun.of("diff", BEFORE, AFTER, "--filter", "CUSTOMER", "--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(48, json.get("class_count").asInt());
        JsonNode rows = json.get("classes");
        assertEquals(1, rows.size());
        JsonNode customer = rows.get(0);
        assertEquals("82,17,13,Customer", customer.get("class_key").asText());
        assertEquals(200, customer.get("new_count").asInt());
        assertEquals(0, customer.get("deleted_count").asInt());
        assertEquals(8000, customer.get("size_delta").asLong());
    }

    @Test
    void unreadableInputIsOneLineAndExitCode2(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.heapsnapshot"), "{\"snapshot\": [");

        CliRun missing = CliRun.of("diff", dir.resolve("none.heapsnapshot").toString(), AFTER);
        CliRun bad = CliRun.of("diff", BEFORE, broken.toString());
        CliRun unmatched = CliRun.of("diff", BEFORE, AFTER, "--filter", "NoSuchClass");

        for (CliRun run : List.of(missing, bad, unmatched)) {
            assertEquals(ExitCodes.USAGE_OR_INPUT, run.exitCode(), run.err());
            assertTrue(run.errLines()[0].startsWith("heapscope: "), run.err());
        }
        assertEquals(1, missing.errLines().length, missing.err());
        assertTrue(missing.err().contains("no such file"), missing.err());
        assertEquals(1, bad.errLines().length, bad.err());
    }
}
