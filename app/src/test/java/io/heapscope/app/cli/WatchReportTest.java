package io.heapscope.app.cli;

import io.heapscope.app.NodeChildren;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code heapscope watch --report DIR} on the plugin host sample, a real Node process per run. */
class WatchReportTest {
    private static final String HOST = "node ../samples/runtime/plugin-host.js";
    private static final String PLUGIN = "../samples/runtime/plugins/greeter.js";

    @AfterAll
    static void noNodeSurvives() throws InterruptedException {
        NodeChildren.assertNoneAlive();
    }

    @Test
    void aLeakingWatchReportsItsCyclesVerdictAndAZombieBeforeAndAfter(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.of("watch", "--launch", HOST, "--module", PLUGIN, "--mode", "delete", "--cycles", "3",
                "--report", dir.toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals("heapscope: wrote " + dir.resolve("report.md"), run.err().strip());
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.startsWith("# Watch: greeter.js, delete, 3 cycles\n"), md);
        assertTrue(md.contains("**Verdict: grows** (zombies grew from 1 to 3 in 2 cycles)"), md);
        assertTrue(md.contains("![Per cycle: the module's retained size, its zombies and heap used after GC]"
                + "(watch-cycles.png)"), md);
        BufferedImage chart = ImageIO.read(dir.resolve("watch-cycles.png").toFile());
        assertNotNull(chart);
        assertTrue(chart.getWidth() >= 720, "width " + chart.getWidth());

        // The table has the rows the command printed, zombie counts 1, 2, 3.
        List<String> printed = run.out().lines().skip(1).limit(3).toList();
        List<List<String>> rows = ReportCommandTest.tableRows(md, "## Cycles");
        assertEquals(3, rows.size());
        for (int i = 0; i < 3; i++) {
            String[] cells = printed.get(i).trim().split("\\s{2,}");
            assertEquals(List.of(cells[0], cells[1], cells[2], cells[3]), rows.get(i).subList(0, 4));
            assertEquals(Integer.toString(i + 1), rows.get(i).get(3));
        }

        Matcher before = Pattern.compile("### First cycle with a zombie \\(cycle 1\\)\n\n`(Module @\\d+)` \\(.*"
                + "greeter\\.js\\) retains .*\n\n- `\\1` · distance \\d+").matcher(md);
        assertTrue(before.find(), md);
        Matcher after = Pattern.compile("### Last cycle \\(cycle 3\\)\n\n`(Module @\\d+)` .*\n\n- `\\1` · distance")
                .matcher(md);
        assertTrue(after.find(), md);
        assertTrue(md.contains("  - `[") && md.contains("` in `Array @"), "held by an element of an array");
        assertTrue(md.contains("- `children` in `Module @"), "the parent's children, as the leak goes");
    }

    @Test
    void aFixedWatchSaysNoZombieInHtml(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.of("watch", "--launch", HOST, "--module", PLUGIN, "--mode", "detach", "--cycles", "2",
                "--format", "json", "--report", dir.toString(), "--report-format", "html");

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().strip().startsWith("{"), "stdout stays JSON");
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<strong>Verdict: flat</strong>"), html);
        assertTrue(html.contains("No cycle left a leaked zombie"), html);
        assertTrue(html.contains("src=\"data:image/png;base64,"));
        assertFalse(Pattern.compile("(src|href)=\"(?!data:)").matcher(html).find());
    }

    @Test
    void anUnwritableReportDirFailsBeforeAnythingRuns(@TempDir Path dir) throws IOException {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        CliRun run = CliRun.of("watch", "--launch", HOST, "--module", PLUGIN, "--mode", "delete", "--cycles", "2",
                "--report", blocker.resolve("sub").toString());
        assertEquals(ExitCodes.USAGE_OR_INPUT, run.exitCode());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().startsWith("heapscope: cannot write the report to "), run.err());
        assertEquals("", run.out());
    }
}
