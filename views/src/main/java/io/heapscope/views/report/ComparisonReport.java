package io.heapscope.views.report;

import io.heapscope.model.analysis.classes.ClassNames;
import io.heapscope.model.analysis.diff.DiffRow;
import io.heapscope.model.analysis.diff.SnapshotComparison;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.modules.ModuleChange;
import io.heapscope.model.modules.ModuleDiff;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.report.ComparisonMarkdown;
import io.heapscope.model.report.MarkdownReport;
import io.heapscope.model.report.MarkdownTable;
import io.heapscope.views.chart.ChartImages;
import io.heapscope.views.chart.ChartTheme;

import java.util.Comparator;
import java.util.List;

/**
 * The report on a comparison: DevTools' Comparison table of the target against the base (its rows in DevTools'
 * order, the same as {@code heapscope diff}'s), a chart of the biggest changes of size, the new zombies and the
 * modules whose retained size grew ({@link ModuleDiff}).
 *
 * <p>Objects are matched by V8 id, so the two snapshots should come from one process. Costs the comparison (class
 * names of both, a pass over each) and, when not given, both module graphs.
 */
public final class ComparisonReport {
    /** Bars in the chart of the biggest changes. */
    static final int CHART_ROWS = 12;

    private ComparisonReport() {
    }

    /**
     * Appends the comparison of {@code target} with {@code base} to {@code report}, under a heading of
     * {@code level}. {@code targetClasses} may be {@code null} (computed here); {@code top} limits the table.
     */
    public static void append(MarkdownReport report, ReportSnapshot base, ReportSnapshot target,
                              ClassNames targetClasses, int level, String imageKey, int top, ChartTheme theme,
                              ProgressMonitor monitor) {
        ClassNames classes = targetClasses != null ? targetClasses : ClassNames.compute(target.snapshot(), monitor);
        SnapshotComparison comparison = SnapshotComparison.compute(base.snapshot(), base.analysis(),
                target.snapshot(), target.analysis(), classes, monitor);
        ModuleGraph baseModules = base.modules() != null ? base.modules()
                : ModuleGraph.compute(base.analysis(), monitor);
        ModuleGraph targetModules = target.modules() != null ? target.modules()
                : ModuleGraph.compute(target.analysis(), monitor);
        HeapGraph baseGraph = base.analysis().graph();
        HeapGraph targetGraph = target.analysis().graph();
        ModuleDiff moduleDiff = ModuleDiff.compute(baseGraph, baseModules, targetGraph, targetModules);
        monitor.checkCancelled();

        report.heading(level, "Comparison: " + target.name() + " against " + base.name());
        long growth = target.analysis().retainedSize(0) - base.analysis().retainedSize(0);
        report.paragraph("The heap went from " + ByteSizes.human(base.analysis().retainedSize(0)) + " to "
                + ByteSizes.human(target.analysis().retainedSize(0)) + " (" + signed(growth) + "). "
                + ByteSizes.grouped(comparison.rowCount()) + " classes have new or deleted objects, matched by V8 "
                + "object id as DevTools' Comparison view does (so both snapshots should come from one process).");

        List<DiffRow> biggest = comparison.rows().stream()
                .filter(row -> row.sizeDelta() != 0)
                .sorted(Comparator.comparingLong((DiffRow row) -> Math.abs(row.sizeDelta())).reversed()
                        .thenComparing(DiffRow::className))
                .limit(CHART_ROWS)
                .toList();
        if (!biggest.isEmpty()) {
            int height = 90 + 26 * biggest.size();
            report.image("comparison-" + imageKey + ".png", "The biggest changes of size by class, " + target.name()
                    + " against " + base.name(), ChartImages.png(new ReportCharts(theme).biggestChanges(biggest),
                    SnapshotReport.CHART_WIDTH, height, SnapshotReport.CHART_SCALE));
        }

        report.heading(level + 1, "Classes");
        List<DiffRow> rows = comparison.rows().subList(0, Math.min(top, comparison.rowCount()));
        report.table(ComparisonMarkdown.table(rows));
        report.paragraph(rows.size() + " of " + comparison.rowCount() + " changed classes, in DevTools' order "
                + "(allocated size first), as `heapscope diff` lists them.");

        report.heading(level + 1, "New zombies");
        List<ModuleChange> newZombies = moduleDiff.newZombies();
        if (newZombies.isEmpty()) {
            report.paragraph("None: no module became a zombie.");
        } else {
            report.table(moduleTable(newZombies, top));
            more(report, newZombies.size(), top, "new zombies");
        }

        report.heading(level + 1, "Modules that grew");
        List<ModuleChange> grew = moduleDiff.resized().stream().filter(c -> c.retainedSizeDelta() > 0).toList();
        if (grew.isEmpty()) {
            report.paragraph("None: no module in both snapshots retains more than it did.");
        } else {
            report.table(moduleTable(grew, top));
            more(report, grew.size(), top, "modules that grew");
        }
        report.paragraph("Modules: " + moduleDiff.added().size() + " added, " + moduleDiff.removed().size()
                + " removed, " + newZombies.size() + " new zombies.");
    }

    private static MarkdownTable moduleTable(List<ModuleChange> changes, int top) {
        MarkdownTable table = new MarkdownTable().column("Module").column("State").numberColumn("Retained then")
                .numberColumn("now").numberColumn("Change");
        for (ModuleChange change : changes.subList(0, Math.min(top, changes.size()))) {
            table.row(String.valueOf(change.name()), change.stateText(), ByteSizes.human(change.baseRetainedSize()),
                    ByteSizes.human(change.targetRetainedSize()), signed(change.retainedSizeDelta()));
        }
        return table;
    }

    private static void more(MarkdownReport report, int count, int top, String what) {
        if (count > top) {
            report.paragraph("… and " + (count - top) + " more " + what + ".");
        }
    }

    private static String signed(long bytes) {
        return (bytes > 0 ? "+" : "") + ByteSizes.human(bytes);
    }
}
