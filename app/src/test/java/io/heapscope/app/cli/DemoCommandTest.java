package io.heapscope.app.cli;

import io.heapscope.app.NodeChildren;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import javax.imageio.ImageIO;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code heapscope demo --headless} on the sample apps, a real Node process per run. */
class DemoCommandTest {
    private static final String SAMPLES = "../samples/runtime";

    @TempDir
    Path temp;

    @AfterAll
    static void noNodeSurvives() throws InterruptedException {
        NodeChildren.assertNoneAlive();
    }

    @Test
    void hotReloadHeadlessPrintsBothPhasesAndTheirVerdicts() throws Exception {
        CliRun run = CliRun.of("demo", "hot-reload", "--headless", "--cycles", "2", "--out", temp.toString(),
                "--samples", SAMPLES);

        assertEquals(ExitCodes.OK, run.exitCode(), run.err() + run.out());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("demo hot-reload: plugin-host.js on Node v"), lines.get(0));
        assertTrue(lines.contains("phase 1 of 2: Leak: delete only"), run.out());
        assertTrue(lines.contains("phase 2 of 2: Fix: delete + detach"), run.out());
        assertEquals(List.of("cycle", "heap_used_after_gc", "heap_used_after_snapshot_gc", "module_retained_size",
                "zombie_count"), List.of(lines.get(lines.indexOf("phase 1 of 2: Leak: delete only") + 2).trim()
                .split("\\s+")));
        assertTrue(lines.contains("Leak: delete only: grows (zombies grew from 1 to 2 in 1 cycles)"), run.out());
        assertTrue(lines.contains("Fix: delete + detach: flat (zombies and retained size stay flat)"), run.out());

        JsonNode json = new ObjectMapper().readTree(temp.resolve("demo.json").toFile());
        assertTrue(json.get("shows_leak_and_fix").asBoolean());
        assertEquals(List.of(1, 2), json.get("phases").get(0).get("cycles").findValues("zombie_count").stream()
                .map(JsonNode::asInt).toList());
        assertEquals(List.of(0, 0), json.get("phases").get(1).get("cycles").findValues("zombie_count").stream()
                .map(JsonNode::asInt).toList());
        assertTrue(Files.size(Path.of(json.get("phases").get(0).get("last_snapshot").asText())) > 1_000_000);

        // The report: the verdicts side by side, each phase's own watch report beside its snapshots.
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("report: " + temp.resolve("report.md") + " (")),
                run.out());
        String top = Files.readString(temp.resolve("report.md"));
        assertTrue(top.startsWith("# Demo hot-reload: a leak and its fix"), top);
        assertTrue(top.contains("run by `heapscope demo hot-reload --headless --cycles 2 --out "), top);
        assertTrue(top.matches("(?s).*\\| Leak: delete only +\\| \\*\\*grows\\*\\* +\\| zombies grew from 1 to 2 "
                + "in 1 cycles +\\| `1-leak/report.md` +\\|.*"), top);
        assertTrue(top.matches("(?s).*\\| Fix: delete \\+ detach +\\| \\*\\*flat\\*\\* .*"), top);
        String leak = Files.readString(temp.resolve("1-leak/report.md"));
        assertTrue(leak.contains("**Verdict: grows** (zombies grew from 1 to 2 in 1 cycles)"), leak);
        // The zombie's chain: the old copy held in its parent's children.
        assertTrue(leak.matches("(?s).*- `Module @\\d+` · distance \\d+ .*\\n  - `\\[\\d\\]` in `Array @\\d+`.*\\n"
                + "    - `children` in `Module @\\d+`.*"), leak);
        String fix = Files.readString(temp.resolve("2-fix/report.md"));
        assertTrue(fix.contains("No cycle left a leaked zombie"), fix);
        BufferedImage chart = ImageIO.read(temp.resolve("1-leak/watch-cycles.png").toFile());
        assertTrue(chart.getWidth() > 600 && chart.getHeight() > 300);
    }

    @Test
    void listenersHeadlessCountsTheListenersPerCycle() {
        CliRun run = CliRun.of("demo", "listeners", "--headless", "--cycles", "2", "--out", temp.toString(),
                "--samples", SAMPLES);

        assertEquals(ExitCodes.OK, run.exitCode(), run.err() + run.out());
        List<String> lines = run.out().lines().toList();
        int header = lines.indexOf("phase 1 of 2: Leak: a listener per request") + 3;
        assertEquals(List.of("cycle", "heap_used_after_gc", "heap_used_after_snapshot_gc", "listeners"),
                List.of(lines.get(header).trim().split("\\s+")));
        assertEquals(List.of("200", "400"), lines.subList(header + 1, header + 3).stream()
                .map(line -> line.trim().split("\\s+")).map(cells -> cells[cells.length - 1]).toList());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Leak: a listener per request: grows (heap used after "
                + "GC grew by ")), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Fix: remove the listener when the request ends: flat")),
                run.out());
    }

    @Test
    void badInputIsOneClearLine() {
        CliRun unknown = CliRun.of("demo", "sockets", "--headless");
        assertEquals(ExitCodes.USAGE_OR_INPUT, unknown.exitCode());
        assertTrue(unknown.err().startsWith("heapscope: unknown demo 'sockets' (expected hot-reload, vm-modules or "
                + "listeners)"), unknown.err());

        CliRun oneCycle = CliRun.of("demo", "listeners", "--headless", "--cycles", "1");
        assertEquals(ExitCodes.USAGE_OR_INPUT, oneCycle.exitCode());
        assertTrue(oneCycle.err().contains("--cycles needs 2 or more"), oneCycle.err());

        CliRun noSamples = CliRun.of("demo", "listeners", "--headless", "--samples", temp.toString());
        assertEquals(ExitCodes.USAGE_OR_INPUT, noSamples.exitCode());
        assertEquals(1, noSamples.errLines().length, noSamples.err());
        assertTrue(noSamples.err().contains("listener-host.js"), noSamples.err());
    }
}
