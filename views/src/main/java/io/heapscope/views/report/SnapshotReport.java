package io.heapscope.views.report;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.Retainers;
import io.heapscope.model.analysis.classes.ClassNames;
import io.heapscope.model.analysis.classes.ClassRow;
import io.heapscope.model.analysis.classes.ClassSummary;
import io.heapscope.model.analysis.classes.HeapStatistics;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.format.HeapText;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.modules.JsModule;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.modules.ModuleKind;
import io.heapscope.model.modules.ModuleState;
import io.heapscope.model.modules.StateTotal;
import io.heapscope.model.modules.ZombieGroup;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.report.LeakSuspect;
import io.heapscope.model.report.LeakSuspects;
import io.heapscope.model.report.MarkdownReport;
import io.heapscope.model.report.MarkdownTable;
import io.heapscope.model.report.RetainerChainMarkdown;
import io.heapscope.views.chart.ChartImages;
import io.heapscope.views.chart.ChartTheme;
import io.heapscope.views.heap.HeapFormat;
import io.heapscope.views.statistics.StatisticsPane;
import io.heapscope.views.statistics.StatisticsPane.Category;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The report on one snapshot: totals and the Statistics chart, the classes and the objects that retain most, the
 * module graph (modules by state, zombies by file with one retainer chain each) and the leak suspects, each with
 * the chain that holds it. Every number is the analyses' own (DevTools'); nothing is recomputed here.
 *
 * <p>Costs the class naming, the Summary and the Statistics (each a pass over the graph, with progress), the
 * dominator tree downwards and, if not given, the module graph. Runs on any thread, with no display.
 */
public final class SnapshotReport {
    public static final int DEFAULT_TOP = 10;
    static final int CHART_WIDTH = 720;
    static final int CHART_HEIGHT = 340;
    static final double CHART_SCALE = 2;

    private final ReportSnapshot input;
    private final HeapAnalysis analysis;
    private final HeapGraph graph;
    private final int top;
    private final ChartTheme theme;
    private final long total;

    private SnapshotReport(ReportSnapshot input, int top, ChartTheme theme) {
        this.input = input;
        this.analysis = input.analysis();
        this.graph = analysis.graph();
        this.top = top;
        this.theme = theme;
        this.total = analysis.retainedSize(0);
    }

    /**
     * Appends the sections on {@code input} to {@code report}, under a heading of {@code level} (2 for one
     * snapshot among several); {@code imageKey} makes its image names unique in the report ({@code 1} gives
     * {@code statistics-1.png}).
     */
    public static void append(MarkdownReport report, ReportSnapshot input, int level, String imageKey, int top,
                              ChartTheme theme, ProgressMonitor monitor) {
        new SnapshotReport(input, top, theme).write(report, level, imageKey, monitor);
    }

    private void write(MarkdownReport report, int level, String imageKey, ProgressMonitor monitor) {
        ClassNames classes = ClassNames.compute(input.snapshot(), monitor);
        ClassSummary summary = ClassSummary.compute(classes, analysis, monitor);
        HeapStatistics statistics = HeapStatistics.compute(input.snapshot(), classes, analysis, monitor);
        ModuleGraph modules = input.modules() != null ? input.modules() : ModuleGraph.compute(analysis, monitor);
        List<LeakSuspect> suspects = LeakSuspects.find(analysis, summary, monitor);
        monitor.checkCancelled();

        report.heading(level, input.name());
        totals(report, statistics, modules, imageKey);
        monitor.checkCancelled();
        suspects(report, level + 1, suspects, monitor);
        topClasses(report, level + 1, summary);
        topDominators(report, level + 1);
        modules(report, level + 1, modules, monitor);
    }

    private void totals(MarkdownReport report, HeapStatistics statistics, ModuleGraph modules, String imageKey) {
        int zombies = modules.inState(ModuleState.ZOMBIE).size();
        report.paragraph("**" + ByteSizes.human(statistics.total()) + "** in all (V8 heap "
                + ByteSizes.human(statistics.v8Total()) + ", native " + ByteSizes.human(statistics.nativeTotal())
                + ") · " + ByteSizes.grouped(graph.nodeCount()) + " objects · " + ByteSizes.grouped(graph.edgeCount())
                + " references · " + ByteSizes.grouped(modules.modules().size()) + " modules, "
                + ByteSizes.grouped(modules.leakedZombieCount()) + " leaked "
                + (zombies == 1 ? "zombie" : "zombies") + ".");
        List<Category> categories = StatisticsPane.categories(statistics);
        byte[] png = ChartImages.png(new ReportCharts(theme).statistics(categories, statistics.total()),
                CHART_WIDTH, CHART_HEIGHT, CHART_SCALE);
        report.image("statistics-" + imageKey + ".png", "Statistics of " + input.name() + ": "
                + ByteSizes.human(statistics.total()) + " by kind", png);
        MarkdownTable table = new MarkdownTable().column("Statistics").numberColumn("Size").numberColumn("Share")
                .numberColumn("Bytes");
        for (Category category : categories) {
            table.row(category.name(), ByteSizes.human(category.bytes()),
                    HeapFormat.percent(category.bytes(), statistics.total()), ByteSizes.grouped(category.bytes()));
        }
        table.row("**Total**", "**" + ByteSizes.human(statistics.total()) + "**", "100 %",
                ByteSizes.grouped(statistics.total()));
        report.table(table);
    }

    private void suspects(MarkdownReport report, int level, List<LeakSuspect> suspects, ProgressMonitor monitor) {
        report.heading(level, "Leak suspects");
        if (suspects.isEmpty()) {
            report.paragraph("None: no single object and no class retains " + percent(LeakSuspects.THRESHOLD)
                    + " of the heap or more, and no collection is unusually large.");
            return;
        }
        report.paragraph("In the spirit of Eclipse MAT: objects or classes that retain " + percent(
                LeakSuspects.THRESHOLD) + " of the heap or more, and unusually large collections. The chain under "
                + "each is DevTools' shortest retainer path, read upwards: who holds it, and who holds that.");
        Retainers retainers = new Retainers(analysis);
        int number = 1;
        for (LeakSuspect suspect : suspects) {
            monitor.checkCancelled();
            report.heading(level + 1, "Suspect " + number++ + ": " + suspect.title());
            report.paragraph(MarkdownReport.text(suspect.explanation()));
            report.list(RetainerChainMarkdown.shortestPath(retainers, graph, analysis, suspect.node()));
        }
    }

    private void topClasses(MarkdownReport report, int level, ClassSummary summary) {
        report.heading(level, "Top classes by retained size");
        List<ClassRow> rows = new ArrayList<>(summary.rows());
        rows.sort(Comparator.comparingLong(ClassRow::retainedSizeSum).reversed().thenComparing(ClassRow::name));
        MarkdownTable table = new MarkdownTable().column("Constructor").numberColumn("Distance")
                .numberColumn("Objects").numberColumn("Shallow Size").numberColumn("Retained Size")
                .numberColumn("Share");
        for (ClassRow row : rows.subList(0, Math.min(top, rows.size()))) {
            table.row(row.name(), HeapFormat.distance(row.minDistance()), ByteSizes.grouped(row.count()),
                    ByteSizes.human(row.shallowSizeSum()), ByteSizes.human(row.retainedSizeSum()),
                    HeapFormat.percent(row.retainedSizeSum(), total));
        }
        report.table(table);
        report.paragraph("DevTools' Summary sorted by retained size: a class's retained size counts its top-most "
                + "instances only, so nothing is counted twice; shares are of the heap ("
                + ByteSizes.human(total) + ").");
    }

    private void topDominators(MarkdownReport report, int level) {
        report.heading(level, "Top dominators");
        MarkdownTable table = new MarkdownTable().column("Object").numberColumn("Distance")
                .numberColumn("Shallow Size").numberColumn("Retained Size").numberColumn("Share");
        for (int node : LeakSuspects.topDominators(analysis, top)) {
            table.row(HeapFormat.objectName(graph, node) + " @" + graph.nodeId(node),
                    HeapFormat.distance(analysis.distance(node)), ByteSizes.human(analysis.shallowSize(node)),
                    ByteSizes.human(analysis.retainedSize(node)),
                    HeapFormat.percent(analysis.retainedSize(node), total));
        }
        report.table(table);
        report.paragraph("The objects no other single object keeps alive (under the GC roots and the global "
                + "object), biggest first: freeing one frees its whole retained size.");
    }

    private void modules(MarkdownReport report, int level, ModuleGraph modules, ProgressMonitor monitor) {
        report.heading(level, "Modules");
        if (modules.isEmpty()) {
            report.paragraph("No modules: not a Node snapshot, or one without a module loader.");
            return;
        }
        report.paragraph(ByteSizes.grouped(modules.modules().size()) + " modules (" + count(modules, ModuleKind.CJS)
                + " CommonJS, " + count(modules, ModuleKind.ESM) + " ES, " + count(modules, ModuleKind.VM)
                + " vm).");
        MarkdownTable states = new MarkdownTable().column("State").numberColumn("Modules").numberColumn("Retained");
        for (StateTotal state : modules.totals().values()) {
            states.row(state.state().label(), ByteSizes.grouped(state.count()), ByteSizes.human(state.retainedSize()));
        }
        report.table(states);

        report.heading(level + 1, "Zombies by file");
        List<ZombieGroup> groups = modules.zombieGroups();
        if (groups.isEmpty()) {
            report.paragraph("No zombie modules: every module dropped from its cache is gone.");
            return;
        }
        int zombieCount = modules.inState(ModuleState.ZOMBIE).size();
        report.paragraph(modules.leakedZombieCount() + " of " + zombieCount + " zombies leaked (the rest only the "
                + "stack or open handle scopes hold). A zombie was dropped from its loader's cache but is still "
                + "reachable, the classic hot-reload leak.");
        MarkdownTable table = new MarkdownTable().column("File").numberColumn("Zombies").numberColumn("Leaked")
                .numberColumn("Retained");
        for (ZombieGroup group : groups) {
            table.row(group.name(), ByteSizes.grouped(group.modules().size()), ByteSizes.grouped(group.leakedCount()),
                    ByteSizes.human(group.retainedSize()));
        }
        report.table(table);
        Retainers retainers = new Retainers(analysis);
        for (ZombieGroup group : groups) {
            monitor.checkCancelled();
            JsModule zombie = modules.module(group.modules().get(0));
            report.paragraph("**" + MarkdownReport.text(HeapText.shortModuleName(group.name())) + "** × "
                    + group.modules().size() + ", " + ByteSizes.human(group.retainedSize()) + ": what holds "
                    + MarkdownReport.code(HeapText.node(graph, zombie.node())) + " ("
                    + (modules.isTransient(zombie.index()) ? "transient: only the stack or handle scopes" : "leaked")
                    + "), from its last live module "
                    + MarkdownReport.code(RetainerChainMarkdown.inline(modules.retainerPath(zombie.index()), graph))
                    + ":");
            report.list(RetainerChainMarkdown.shortestPath(retainers, graph, analysis, zombie.node()));
        }
    }

    private static long count(ModuleGraph modules, ModuleKind kind) {
        return modules.modules().stream().filter(m -> m.kind() == kind).count();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }
}
