package io.heapscope.app.cli;

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

/** The analysis commands on committed samples, checked against DevTools' reference files where they exist. */
class AnalysisCommandsTest {
    private static final Path SAMPLES = Path.of("..", "samples", "snapshots");
    private static final String HOT_RELOAD = SAMPLES.resolve("cjs-hot-reload-leak.heapsnapshot.gz").toString();

    @Test
    void exportWritesDevToolsNumbersForEveryNode(@TempDir Path dir) throws IOException {
        Path nodes = dir.resolve("nodes.tsv");

        CliRun run = CliRun.of("export", SAMPLES.resolve("tiny.heapsnapshot.gz").toString(), "--nodes",
                nodes.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> ours = Files.readAllLines(nodes);
        List<String> reference;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                SAMPLES.resolve("oracle").resolve("tiny.nodes.tsv.gz")))) {
            reference = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertEquals("id\tshallow_size\tretained_size\tdistance\tdominator_id", ours.get(0));
        assertEquals(reference.size(), ours.size());
        for (int i = 1; i < reference.size(); i++) {
            // Reference columns: id, class_name, shallow, retained, distance, dominator.
            String[] expected = reference.get(i).split("\t", -1);
            String wanted = String.join("\t", expected[0], expected[2], expected[3], expected[4], expected[5]);
            assertEquals(wanted, ours.get(i), "row " + i);
        }
    }

    @Test
    void pathFollowsDevToolsShortestRetainerPath() {
        CliRun run = CliRun.of("path", HOT_RELOAD, "--id", "@6181", "--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        // The oracle's path to the main module: root, global, queueMicrotask, its context, process, mainModule.
        String out = run.out().replaceAll("\\s", "");
        int at = 0;
        for (String id : List.of("1", "6049", "43095", "43099", "6083", "6181")) {
            at = out.indexOf("\"node_id\":" + id + ",", at);
            assertTrue(at >= 0, "hop @" + id + " in order in " + run.out());
        }
        assertTrue(out.contains("\"edge_name\":\"mainModule\""), run.out());
    }

    @Test
    void pathAsTextReadsLikeDevTools() {
        CliRun run = CliRun.of("path", HOT_RELOAD, "--id", "6181");

        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().split("\\R");
        assertEquals(6, lines.length, run.out());
        assertTrue(lines[0].startsWith("(root) @1"), lines[0]);
        assertTrue(lines[1].startsWith("--shortcut 2--> global @6049 (object)  distance 1"), lines[1]);
        assertTrue(lines[5].startsWith("--property mainModule--> Module @6181 (object)  distance 5"), lines[5]);
    }

    @Test
    void dominatedListsTheBiggestChildrenFirst() {
        CliRun run = CliRun.of("dominated", HOT_RELOAD, "--top", "3");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("(root) @1 retains 5.2 MB (5,231,743 bytes)"), run.out());
        List<String> rows = run.out().lines().filter(line -> line.contains(" @")).skip(1).toList();
        assertEquals(3, rows.size(), run.out());
        assertTrue(rows.get(0).contains("global @6049"), rows.get(0));
    }

    @Test
    void retainersShowATreeOfHolders() {
        CliRun run = CliRun.of("retainers", HOT_RELOAD, "--id", "@6181", "--depth", "2", "--limit", "3");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Module @6181 (object)  distance 5, shallow 128 B"), lines.get(0));
        assertEquals("  (40 retainers, first 3 shown)", lines.get(1));
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("    ") && line.contains(" in ")),
                "a second level: " + run.out());
    }

    @Test
    void anUnknownOrMalformedIdIsAUsageError() {
        CliRun unknown = CliRun.of("path", HOT_RELOAD, "--id", "@2");
        CliRun malformed = CliRun.of("dominated", HOT_RELOAD, "--id", "x1");

        assertEquals(2, unknown.exitCode());
        assertEquals("heapscope: no object @2 in this snapshot", unknown.errLines()[0]);
        assertEquals(2, malformed.exitCode());
        assertEquals("heapscope: not an object id: 'x1' (expected e.g. @12345)", malformed.errLines()[0]);
    }
}
