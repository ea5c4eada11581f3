package io.heapscope.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code heapscope report} on the sample snapshots, with no display. */
class ReportCommandTest {
    private static final Path SAMPLES = Path.of("..", "samples", "snapshots");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\(([^)]+)\\)");

    private static String sample(String name) {
        return SAMPLES.resolve(name + ".heapsnapshot.gz").toString();
    }

    @Test
    void oneSnapshotGivesReportMdWithItsSectionsAndChartsThatDecode(@TempDir Path dir) throws IOException {
        assertTrue(GraphicsEnvironment.isHeadless(), "reports must need no display");
        CliRun run = CliRun.of("report", sample("cjs-hot-reload-leak"), "--out", dir.toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals("wrote " + dir.resolve("report.md") + " and 1 chart", run.out().strip());
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.startsWith("# Heap report: cjs-hot-reload-leak.heapsnapshot.gz\n"), md);
        for (String heading : List.of("## cjs-hot-reload-leak.heapsnapshot.gz", "### Leak suspects",
                "### Top classes by retained size", "### Top dominators", "### Modules", "#### Zombies by file")) {
            assertTrue(md.contains("\n" + heading + "\n"), heading);
        }
        // The zombie group as `heapscope modules --zombies` counts it: hot.js × 20, all leaked, 2.1 MB.
        CliRun modules = CliRun.of("modules", sample("cjs-hot-reload-leak"), "--zombies");
        Matcher group = Pattern.compile("  (\\S+/hot\\.js) × 20, (\\S+ \\S+), 20 leaked").matcher(modules.out());
        assertTrue(group.find(), modules.out());
        assertTrue(md.contains("| " + group.group(1) + " |      20 |     20 |   " + group.group(2) + " |"), md);
        assertTrue(md.contains("**hot.js** × 20, " + group.group(2) + ": what holds `Module @"), md);
        assertEquals(10, tableRows(md, "### Top classes by retained size").size(), "--top 10 by default");
        assertImagesDecode(md, dir);
    }

    @Test
    void htmlHasEverythingInsideAndNoPngBeside(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.of("report", sample("global-array-leak"), "--out", dir.toString(), "--format", "html",
                "--top", "5");

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("report.html")), files.toList());
        }
        String html = Files.readString(dir.resolve("report.html"));
        assertFalse(html.contains("http://") || html.contains("https://"), "no URL");
        assertFalse(Pattern.compile("(src|href)=\"(?!data:)").matcher(html).find(), "only data: sources");
        assertFalse(html.contains("<link") || html.contains("<script") || html.contains("url("));
        assertTrue(html.contains("src=\"data:image/png;base64,"));
        assertTrue(html.contains("<h4>Suspect 1: Array @"), "the history array is the first suspect");
        assertTrue(html.contains("10,000 × LeakedRecord"), "and its records");
    }

    @Test
    void withABaseTheClassesTableIsTheDiffCommandsRowsInItsOrder(@TempDir Path dir) throws IOException {
        String before = sample("pair-before");
        String after = sample("pair-after");
        CliRun run = CliRun.of("report", after, "--base", before, "--out", dir.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        String md = Files.readString(dir.resolve("report.md"));

        CliRun diff = CliRun.of("diff", before, after);
        List<List<String>> diffRows = new ArrayList<>();
        for (String line : diff.out().lines().skip(1).toList()) {
            if (line.isBlank()) {
                break;
            }
            // "%-50s %9s %9s %9s %12s %12s %12s": fixed columns, sizes contain a space.
            diffRows.add(List.of(line.substring(0, 50).strip(), line.substring(51, 60).strip(),
                    line.substring(61, 70).strip(), line.substring(71, 80).strip(), line.substring(81, 93).strip(),
                    line.substring(94, 106).strip(), line.substring(107).strip()));
        }
        assertEquals(25, diffRows.size(), diff.out());
        assertEquals(diffRows, tableRows(md, "### Classes"));
        assertTrue(md.contains("25 of 48 changed classes"), md);
        assertTrue(diff.out().contains("25 of 48 changed classes"));

        for (String heading : List.of("## Comparison: pair-after.heapsnapshot.gz against pair-before.heapsnapshot.gz",
                "### New zombies", "### Modules that grew", "## pair-after.heapsnapshot.gz")) {
            assertTrue(md.contains("\n" + heading + "\n"), heading);
        }
        assertTrue(md.contains("![The biggest changes of size by class"), md);
        assertImagesDecode(md, dir);
    }

    @Test
    void aHotReloadComparisonListsTheNewZombiesAndTheModuleThatGrew(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.of("report", sample("reload-after"), "--base", sample("reload-before"), "--out",
                dir.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        String md = Files.readString(dir.resolve("report.md"));
        CliRun diff = CliRun.of("diff", sample("reload-before"), sample("reload-after"), "--modules");
        Matcher summary = Pattern.compile("Modules: (\\d+) added, (\\d+) removed, (\\d+) new zombies")
                .matcher(diff.out());
        assertTrue(summary.find(), diff.out());
        assertTrue(md.contains(summary.group()), "the module diff's numbers: " + summary.group());
        assertTrue(Integer.parseInt(summary.group(3)) > 0, "the sample has new zombies");
        List<List<String>> zombies = tableRows(md, "### New zombies");
        assertEquals(Math.min(25, Integer.parseInt(summary.group(3))), zombies.size(), md);
        for (List<String> row : zombies) {
            assertTrue(row.get(1).endsWith("zombie"), row.toString());
        }
    }

    @Test
    void severalFilesGiveASectionEach(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.of("report", sample("tiny"), sample("listeners-leak"), "--out", dir.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.startsWith("# Heap report: 2 snapshots\n"));
        assertTrue(md.contains("\n## tiny.heapsnapshot.gz\n") && md.contains("\n## listeners-leak.heapsnapshot.gz\n"));
        assertTrue(Files.exists(dir.resolve("statistics-1.png")) && Files.exists(dir.resolve("statistics-2.png")));
        assertImagesDecode(md, dir);
    }

    @Test
    void anUnwritableOutputOrABadFileIsOneClearErrorWithExit2(@TempDir Path dir) throws IOException {
        Path blocker = Files.writeString(dir.resolve("a-file"), "x");
        CliRun blocked = CliRun.of("report", sample("tiny"), "--out", blocker.resolve("sub").toString());
        assertEquals(ExitCodes.USAGE_OR_INPUT, blocked.exitCode());
        assertEquals(1, blocked.errLines().length, blocked.err());
        assertTrue(blocked.err().startsWith("heapscope: cannot write the report to " + blocker.resolve("sub")),
                blocked.err());

        Path bad = Files.writeString(dir.resolve("bad.heapsnapshot"), "{\"snapshot\": 12");
        CliRun broken = CliRun.of("report", bad.toString(), "--out", dir.resolve("out").toString());
        assertEquals(ExitCodes.USAGE_OR_INPUT, broken.exitCode());
        assertEquals(1, broken.errLines().length, broken.err());
        assertTrue(broken.err().startsWith("heapscope: "), broken.err());

        CliRun missing = CliRun.of("report", dir.resolve("nope.heapsnapshot").toString(), "--out", dir.toString());
        assertEquals(ExitCodes.USAGE_OR_INPUT, missing.exitCode());
        assertTrue(missing.err().startsWith("heapscope: no such file: "), missing.err());

        CliRun badFormat = CliRun.of("report", sample("tiny"), "--out", dir.toString(), "--format", "pdf");
        assertEquals(ExitCodes.USAGE_OR_INPUT, badFormat.exitCode());
        assertTrue(badFormat.err().contains("--format is md or html, not 'pdf'"), badFormat.err());
    }

    /** The cells of the first Markdown table after {@code heading}, unescaped. */
    static List<List<String>> tableRows(String md, String heading) {
        List<String> lines = md.substring(md.indexOf("\n" + heading + "\n")).lines().skip(2)
                .dropWhile(l -> !l.startsWith("|")).takeWhile(l -> l.startsWith("|")).skip(2).toList();
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.length() - 1).split("(?<!\\\\)\\|")) {
                cells.add(cell.strip().replace("\\|", "|"));
            }
            rows.add(cells);
        }
        return rows;
    }

    static void assertImagesDecode(String md, Path dir) throws IOException {
        Matcher image = IMAGE.matcher(md);
        int count = 0;
        while (image.find()) {
            Path png = dir.resolve(image.group(1));
            assertTrue(Files.isRegularFile(png), png::toString);
            BufferedImage decoded = ImageIO.read(png.toFile());
            assertNotNull(decoded, png + " decodes");
            count++;
        }
        assertTrue(count > 0, "at least one chart");
    }
}
