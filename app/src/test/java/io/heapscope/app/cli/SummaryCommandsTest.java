package io.heapscope.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** summary, stats and export --classes on a committed sample, against DevTools' reference files. */
class SummaryCommandsTest {
    private static final Path SAMPLES = Path.of("..", "samples", "snapshots");
    private static final String SAMPLE = "cjs-hot-reload-leak";
    private static final String FILE = SAMPLES.resolve(SAMPLE + ".heapsnapshot.gz").toString();

    /** DevTools' Summary rows as export writes them, sorted: the rows of one class name may come in any order. */
    private static List<String> referenceRows() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                SAMPLES.resolve("oracle").resolve(SAMPLE + ".classes.tsv.gz")))) {
            // Reference columns: class_key, class_name, count, shallow, retained, min_distance.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.substring(line.indexOf('\t') + 1)).sorted().toList();
        }
    }

    @Test
    void exportedClassesEqualDevToolsSummary(@TempDir Path dir) throws IOException {
        Path classes = dir.resolve("classes.tsv");

        CliRun run = CliRun.of("export", FILE, "--classes", classes.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(classes);
        assertEquals("class_name\tcount\tshallow_size_sum\tretained_size_sum\tmin_distance", lines.get(0));
        assertEquals(referenceRows(), lines.stream().skip(1).sorted().toList());
    }

    @Test
    void summaryTsvHasEveryRowAndTextTheTopOnes() throws IOException {
        CliRun tsv = CliRun.of("summary", FILE, "--format", "tsv");
        CliRun text = CliRun.of("summary", FILE, "--top", "3");

        assertEquals(0, tsv.exitCode(), tsv.err());
        assertEquals(referenceRows(), tsv.out().lines().skip(1).sorted().toList());
        List<String> lines = text.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Constructor"), text.out());
        assertTrue(lines.get(1).startsWith("global "), text.out());
        assertTrue(text.out().contains("3 of 169 classes; total 5.2 MB (5,231,743 bytes)"), text.out());
    }

    @Test
    void summarySortsAndFilters() {
        CliRun byCount = CliRun.of("summary", FILE, "--sort", "count", "--top", "1", "--format", "tsv");
        CliRun hot = CliRun.of("summary", FILE, "--filter", "hotmodulestate", "--format", "tsv");

        assertTrue(byCount.out().lines().skip(1).findFirst().orElseThrow().startsWith("(string)\t32446\t"),
                byCount.out());
        // Each hot reload compiled the class anew: 21 rows, one per constructor location.
        assertEquals(21, hot.out().lines().skip(1).filter(line -> line.startsWith("HotModuleState\t")).count());
    }

    @Test
    void statsEqualDevToolsStatistics() {
        CliRun run = CliRun.of("stats", FILE);

        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        for (String expected : List.of("5,231,743 bytes", "954,816 bytes", "1,458,968 bytes", "261,248 bytes",
                "81,624 bytes", "19,383 bytes", "10,613 bytes")) {
            assertTrue(out.contains(expected), () -> expected + " in " + out);
        }
        assertEquals(8, Stream.of(out.split("\\R")).count());
    }

    @Test
    void exportNeedsSomethingToExportAndSummaryAMatchingFilter() {
        assertEquals(2, CliRun.of("export", FILE).exitCode());
        CliRun none = CliRun.of("summary", FILE, "--filter", "NoSuchClass");
        assertEquals(2, none.exitCode());
        assertEquals("heapscope: no class matches 'NoSuchClass'", none.errLines()[0]);
    }
}
