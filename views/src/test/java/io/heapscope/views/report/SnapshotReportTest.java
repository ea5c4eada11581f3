package io.heapscope.views.report;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.modules.ZombieGroup;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.report.MarkdownReport;
import io.heapscope.model.report.ReportFormat;
import io.heapscope.model.snapshot.SnapshotReader;
import io.heapscope.views.chart.LightChartTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.GraphicsEnvironment;
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

/** Reports on the sample snapshots, drawn with no display (the build sets {@code java.awt.headless}). */
class SnapshotReportTest {
    static final Path SAMPLES = Path.of("..", "samples", "snapshots");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\(([^)]+)\\)");

    static ReportSnapshot load(String sample) throws IOException {
        Path file = SAMPLES.resolve(sample + ".heapsnapshot.gz");
        HeapAnalysis analysis = HeapAnalysis.analyze(SnapshotReader.read(file, ProgressMonitor.none()),
                ProgressMonitor.none());
        return new ReportSnapshot(file.getFileName().toString(), analysis.snapshot(), analysis, null);
    }

    static MarkdownReport report(ReportSnapshot snapshot) {
        MarkdownReport report = new MarkdownReport("heapscope report");
        SnapshotReport.append(report, snapshot, 2, "1", SnapshotReport.DEFAULT_TOP, LightChartTheme.get(),
                ProgressMonitor.none());
        return report;
    }

    @Test
    void theHotReloadLeaksReportShowsItsZombieGroupWithFileCountSizeAndChain(@TempDir Path dir) throws IOException {
        assertTrue(GraphicsEnvironment.isHeadless());
        ReportSnapshot snapshot = load("cjs-hot-reload-leak");
        ModuleGraph modules = ModuleGraph.compute(snapshot.analysis(), ProgressMonitor.none());
        ZombieGroup group = modules.zombieGroups().get(0);
        assertTrue(group.name().endsWith("/samples/scenarios/hot/hot.js"), group.name());
        assertEquals(20, group.modules().size());

        MarkdownReport report = report(snapshot);
        String md = report.markdown();
        for (String section : List.of("## cjs-hot-reload-leak.heapsnapshot.gz", "### Leak suspects",
                "### Top classes by retained size", "### Top dominators", "### Modules", "#### Zombies by file")) {
            assertTrue(md.contains("\n" + section + "\n"), section);
        }
        String row = md.lines().filter(l -> l.startsWith("| " + group.name())).findFirst().orElseThrow();
        assertTrue(row.matches("\\| \\Q" + group.name() + "\\E +\\| +20 \\| +20 \\| +\\Q"
                + ByteSizes.human(group.retainedSize()) + "\\E \\|"), row);
        assertTrue(md.contains("**hot.js** × 20, " + ByteSizes.human(group.retainedSize())), md);
        long firstZombie = snapshot.analysis().graph().nodeId(modules.module(group.modules().get(0)).node());
        assertTrue(md.contains("- `Module @" + firstZombie + "` · distance"), "the zombie's chain starts at it");
        assertTrue(md.contains("  - `[") && md.contains("` in `Array @"), "held by an element of an array");
        assertTrue(md.contains("- `children` in `Module @"), "the array is the parent's children");

        assertImagesExistAndDecode(report.writeTo(dir, ReportFormat.MD), dir);
    }

    @Test
    void theGlobalArrayLeaksSuspectIsTheHistoryArrayAndTheRecordsItHolds() throws IOException {
        ReportSnapshot snapshot = load("global-array-leak");
        String md = report(snapshot).markdown();
        String suspect = md.lines().filter(l -> l.startsWith("#### Suspect 1: ")).findFirst().orElseThrow();
        assertTrue(suspect.matches("#### Suspect 1: Array @\\d+ alone retains .* of the heap\\)"), suspect);
        assertTrue(md.contains("It is an array of 10,000 entries"), md);
        assertTrue(md.contains("`history` in `global @"), "the chain goes through global.history");
        assertTrue(md.lines().anyMatch(l -> l.startsWith("#### Suspect ") && l.contains("10,000 × LeakedRecord")),
                "the records as a class suspect");
    }

    @Test
    void aSnapshotWithoutLeaksSaysSo() throws IOException {
        String md = report(load("tiny")).markdown();
        assertTrue(md.contains("### Leak suspects\n\nNone: "), md);
        assertTrue(md.contains("No zombie modules"), md);
    }

    @Test
    void theHtmlFormInlinesEverythingAndReferencesNothingOutside(@TempDir Path dir) throws IOException {
        MarkdownReport report = report(load("cjs-hot-reload-leak"));
        List<Path> written = report.writeTo(dir, ReportFormat.HTML);
        assertEquals(List.of(dir.resolve("report.html")), written);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no PNG beside the HTML");
        }
        String html = Files.readString(written.get(0));
        assertNoExternalReferences(html);
        assertTrue(html.contains("<img alt=\"Statistics of cjs-hot-reload-leak.heapsnapshot.gz"), "the chart");
        Matcher data = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        assertTrue(data.find());
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(
                java.util.Base64.getDecoder().decode(data.group(1))));
        assertNotNull(image);
        assertTrue(html.contains("<td>/") && html.contains("hot.js</td><td class=\"num\">20</td>"), "zombie row");
    }

    /** Every image the Markdown names is a file in {@code dir} that decodes as an image, and nothing else is. */
    static void assertImagesExistAndDecode(List<Path> written, Path dir) throws IOException {
        String md = Files.readString(written.get(0));
        Matcher image = IMAGE.matcher(md);
        int count = 0;
        while (image.find()) {
            Path png = dir.resolve(image.group(1));
            assertTrue(Files.isRegularFile(png), png::toString);
            BufferedImage decoded = ImageIO.read(png.toFile());
            assertNotNull(decoded, png + " decodes");
            assertTrue(decoded.getWidth() >= 600 && decoded.getHeight() >= 200, png + " size");
            count++;
        }
        assertTrue(count > 0, "a chart");
        assertEquals(count + 1, written.size(), written::toString);
    }

    static void assertNoExternalReferences(String html) {
        assertFalse(html.contains("http://") || html.contains("https://"), "no URL");
        assertFalse(Pattern.compile("(src|href)=\"(?!data:)").matcher(html).find(), "only data: sources");
        assertFalse(html.contains("<link") || html.contains("<script") || html.contains("@import")
                || html.contains("url("), "no linked stylesheet, script or CSS url");
    }
}
