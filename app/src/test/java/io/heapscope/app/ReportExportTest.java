package io.heapscope.app;

import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.views.report.ReportSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What File › Export Report… writes, from snapshots loaded as the window loads them. */
class ReportExportTest {
    private static final Path SAMPLES = Path.of("../samples/snapshots");

    private static ReportSnapshot load(String sample) throws IOException {
        Path file = SAMPLES.resolve(sample + ".heapsnapshot.gz");
        OpenSnapshot.Loaded loaded = OpenSnapshot.read(file, ProgressMonitor.none());
        return new ReportSnapshot(file.getFileName().toString(), loaded.snapshot(), loaded.analysis(),
                loaded.modules());
    }

    @Test
    void markdownGetsItsChartsBesideItNamedAfterIt(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("leak-report.md");
        List<Path> written = ReportExport.write(target, load("cjs-hot-reload-leak"), null, ProgressMonitor.none());

        assertEquals(List.of(target, dir.resolve("leak-report-statistics-1.png")), written);
        String md = Files.readString(target);
        assertTrue(md.startsWith("# Heap report: cjs-hot-reload-leak.heapsnapshot.gz\n"), md);
        assertTrue(md.contains("](leak-report-statistics-1.png)"), md);
        assertTrue(md.contains("#### Zombies by file"), md);
        assertNotNull(ImageIO.read(written.get(1).toFile()));
    }

    @Test
    void withAComparisonBaseTheHtmlHoldsTheComparisonFirst(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("pair.html");
        List<Path> written = ReportExport.write(target, load("pair-after"), load("pair-before"),
                ProgressMonitor.none());

        assertEquals(List.of(target), written);
        String html = Files.readString(target);
        int comparison = html.indexOf("<h2>Comparison: pair-after.heapsnapshot.gz against pair-before");
        int snapshot = html.indexOf("<h2>pair-after.heapsnapshot.gz</h2>");
        assertTrue(comparison > 0 && snapshot > comparison, "comparison, then the snapshot");
        assertTrue(html.contains("<td>Invoice</td><td class=\"num\">1,000</td>"), "the diff's first row");
    }
}
