package io.heapscope.views.report;

import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.report.MarkdownReport;
import io.heapscope.model.report.MarkdownTable;
import io.heapscope.model.report.ReportFormat;
import io.heapscope.model.report.WatchChains;
import io.heapscope.model.runtime.GrowthVerdict;
import io.heapscope.model.runtime.WatchCycle;
import io.heapscope.views.chart.ChartImages;
import io.heapscope.views.chart.ChartTheme;
import io.heapscope.views.chart.LightChartTheme;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The report of a finished watch run ({@code heapscope watch --report DIR}, {@code heapscope demo --headless}):
 * the verdict, the per-cycle chart of the module's retained size, its zombies and heap used after GC, the cycles
 * as a table, and the retainer chain of one zombie in the first cycle that had one and in the last ("before and
 * after"). Draws with no display, in the app's light theme.
 *
 * <p>Takes only what the watch keeps (cycles, verdict, chain text), never a heap graph.
 */
public final class WatchReportWriter {
    static final int CHART_HEIGHT = 360;

    /**
     * A finished run.
     *
     * @param title        the report's title ({@code Watch: plugins/greeter.js, delete})
     * @param description  what ran, as Markdown (the command, the target); may be empty
     * @param chains       the zombie chains kept while it ran ({@link WatchChains}); {@code null} when none were kept
     */
    public record Run(String title, String description, List<WatchCycle> cycles, GrowthVerdict verdict,
                      WatchChains chains) {
        public Run {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(cycles, "cycles");
            Objects.requireNonNull(verdict, "verdict");
            description = description == null ? "" : description;
            cycles = List.copyOf(cycles);
        }
    }

    private WatchReportWriter() {
    }

    /** Writes {@code report.md} and {@code watch-cycles.png}, or {@code report.html}, in {@code dir}. */
    public static List<Path> write(Run run, Path dir, ReportFormat format) throws IOException {
        return report(run, LightChartTheme.get()).writeTo(dir, format);
    }

    /** The report in memory, charts drawn with {@code theme}. */
    public static MarkdownReport report(Run run, ChartTheme theme) {
        MarkdownReport report = new MarkdownReport(run.title());
        if (!run.description().isEmpty()) {
            report.paragraph(run.description());
        }
        GrowthVerdict verdict = run.verdict();
        report.paragraph("**Verdict: " + verdict.word() + "** (" + MarkdownReport.text(verdict.reason()) + ")");
        if (verdict.hiddenRetentionNote() != null) {
            report.paragraph("Note: " + MarkdownReport.text(verdict.hiddenRetentionNote()) + ".");
        }
        if (!run.cycles().isEmpty()) {
            byte[] png = ChartImages.png(new ReportCharts(theme).cycles(run.cycles(), "Per cycle: verdict "
                    + verdict.word()), SnapshotReport.CHART_WIDTH, CHART_HEIGHT, SnapshotReport.CHART_SCALE);
            report.image("watch-cycles.png", "Per cycle: the module's retained size, its zombies and heap used after"
                    + " GC", png);
        }
        report.heading(2, "Cycles");
        MarkdownTable table = new MarkdownTable().numberColumn("Cycle").numberColumn("Heap used after GC")
                .numberColumn("Module retained size").numberColumn("Zombies").numberColumn("Copies")
                .numberColumn("Heap used after snapshot GC");
        for (WatchCycle cycle : run.cycles()) {
            table.row(Integer.toString(cycle.cycle()), ByteSizes.human(cycle.heapUsedAfterGc()),
                    ByteSizes.human(cycle.moduleRetainedSize()), Integer.toString(cycle.zombieCount()),
                    Integer.toString(cycle.moduleCopies()), ByteSizes.human(cycle.heapUsedAfterSnapshotGc()));
        }
        report.table(table);
        report.paragraph("Each cycle: the action on the module (then a reload through the main module, as a hot "
                + "reloader does), a normal full GC, a snapshot and the module graph. Zombies are leaked copies "
                + "of the module: dropped from the cache, still reachable.");

        report.heading(2, "A zombie, before and after");
        Optional<WatchChains.Chain> first = run.chains() == null ? Optional.empty() : run.chains().first();
        Optional<WatchChains.Chain> last = run.chains() == null ? Optional.empty() : run.chains().last();
        if (first.isEmpty()) {
            report.paragraph(run.chains() == null ? "No retainer chains were kept for this run."
                    : "No cycle left a leaked zombie: nothing holds the old copies.");
            return report;
        }
        chain(report, "First cycle with a zombie", first.get());
        if (last.get().cycle() != first.get().cycle()) {
            chain(report, "Last cycle", last.get());
        }
        return report;
    }

    private static void chain(MarkdownReport report, String when, WatchChains.Chain chain) {
        report.heading(3, when + " (cycle " + chain.cycle() + ")");
        report.paragraph(MarkdownReport.code(chain.object()) + " (" + MarkdownReport.text(chain.moduleName())
                + ") retains " + ByteSizes.human(chain.retainedSize()) + "; who holds it, upwards:");
        report.list(chain.lines());
    }
}
