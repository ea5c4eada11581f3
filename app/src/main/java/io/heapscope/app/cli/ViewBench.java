package io.heapscope.app.cli;

import io.heapscope.model.analysis.DominatedNodes;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.classes.ClassSummary;
import io.heapscope.model.analysis.order.SortKey;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.format.HeapText;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.views.heap.HeapClasses;
import io.heapscope.views.heap.HeapFormat;
import io.heapscope.views.heap.HeapItems;
import io.heapscope.views.heap.HeapRow;
import io.heapscope.views.heap.HeapRow.ObjectEntry;
import io.heapscope.views.heap.RowOrder;
import io.heapscope.views.heap.TreeState;
import io.heapscope.views.summary.SummaryRows;
import io.heapscope.views.tree.PagedTreeItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.TreeItem;

/**
 * What the desktop views do when a user opens the big lists of a snapshot, timed on the views' own view models
 * ({@link SummaryRows}, {@link HeapItems}, {@link TreeState}) without a window: what {@code heapscope bench --views}
 * reports. Each step ends with the text of the rows a first page shows (names, ids, edges, sizes), as the cells
 * would draw them.
 *
 * <p>The steps: the Summary's classes; the first page of the class with the most instances; the Summary sorted by
 * each column with that class open and an instance selected (DevTools keeps both through a sort); the dominator-tree
 * node with the most children opened; the Containment root and its child with the most edges opened.
 */
final class ViewBench {
    /**
     * A step's name and its times in milliseconds: the first run, the median of the repeats, and the median of the
     * CPU time this thread spent on them (on a busy machine the wall time also counts the waits for a core).
     */
    record Step(String name, double firstMillis, double medianMillis, double medianCpuMillis) {
    }

    private final HeapAnalysis analysis;
    private final HeapGraph graph;
    private final HeapClasses classes;
    private final int repeats;
    private final ProgressMonitor monitor;
    private final List<Step> steps = new ArrayList<>();

    ViewBench(HeapAnalysis analysis, HeapClasses classes, int repeats, ProgressMonitor monitor) {
        this.analysis = analysis;
        this.graph = analysis.graph();
        this.classes = classes;
        this.repeats = Math.max(0, repeats);
        this.monitor = monitor;
    }

    List<Step> run() {
        ClassSummary summary = classes.summary();
        int biggest = 0;
        for (int row = 1; row < summary.rowCount(); row++) {
            if (summary.instanceCount(row) > summary.instanceCount(biggest)) {
                biggest = row;
            }
        }
        int bigClass = biggest;
        String className = summary.row(bigClass).name() + " (" + ByteSizes.grouped(summary.instanceCount(bigClass))
                + " objects)";
        SummaryRows byRetained = new SummaryRows(analysis, classes, RowOrder.of(SortKey.RETAINED_SIZE, false));
        time("Summary: classes", () -> shown(byRetained.root("")));
        time("Summary: open " + className, () -> shown(byRetained.classItem(bigClass)));

        for (SortKey key : SortKey.values()) {
            // The direction of a first click on the header, as in DevTools: names A to Z, numbers biggest first.
            boolean ascending = key == SortKey.NAME;
            time("Summary: sort by " + columnName(key) + ", class open", () -> openClass(byRetained, bigClass),
                    before -> {
                TreeState state = TreeState.of(before.root(), before.selected());
                PagedTreeItem<HeapRow> root = new SummaryRows(analysis, classes, RowOrder.of(key, ascending))
                        .root("");
                state.applyTo(root);
                // The class's first page in the new order (the selected instance may now be far down its list).
                return shown(root.showThrough(root.positionOf(new HeapRow.ClassEntry(bigClass))));
            });
        }

        DominatedNodes dominated = analysis.dominated();
        int parent = 0;
        for (int node = 0; node < graph.nodeCount(); node++) {
            if (dominated.end(node) - dominated.start(node) > dominated.end(parent) - dominated.start(parent)) {
                parent = node;
            }
        }
        int dominator = parent;
        HeapItems items = new HeapItems(analysis, RowOrder.of(SortKey.RETAINED_SIZE, false));
        time("Dominators: open " + HeapText.node(graph, dominator) + " (" + ByteSizes.grouped(
                dominated.end(dominator) - dominated.start(dominator)) + " children)",
                () -> shown(items.inDominatorTree(dominator)));

        time("Containment: root", () -> shown(items.withEdges(0, -1)));
        int widest = -1;
        for (int edge = graph.edgeStart(0); edge < graph.edgeEnd(0); edge++) {
            int target = graph.edgeTarget(edge);
            if (widest < 0 || edgeCount(target) > edgeCount(widest)) {
                widest = target;
            }
        }
        if (widest >= 0) {
            int node = widest;
            time("Containment: open " + HeapText.node(graph, node) + " (" + ByteSizes.grouped(edgeCount(node))
                    + " edges)", () -> shown(items.withEdges(node, -1)));
        }
        return steps;
    }

    private int edgeCount(int node) {
        return graph.edgeEnd(node) - graph.edgeStart(node);
    }

    /** The Summary with {@code row} open and its first instance selected, as a user leaves it before a sort. */
    private record Opened(TreeItem<HeapRow> root, TreeItem<HeapRow> selected) {
    }

    private static Opened openClass(SummaryRows rows, int row) {
        PagedTreeItem<HeapRow> root = rows.root("");
        int index = root.positionOf(new HeapRow.ClassEntry(row));
        TreeItem<HeapRow> item = root.showThrough(index);
        item.setExpanded(true);
        return new Opened(root, item.getChildren().get(0));
    }

    private static String columnName(SortKey key) {
        return switch (key) {
            case NAME -> "Constructor";
            case DISTANCE -> "Distance";
            case COUNT -> "Count";
            case SHALLOW_SIZE -> "Shallow Size";
            case RETAINED_SIZE -> "Retained Size";
        };
    }

    /** Makes the first page of {@code item}'s children and the text its cells show; returns a checksum of it. */
    private int shown(TreeItem<HeapRow> item) {
        int text = 0;
        for (TreeItem<HeapRow> child : item.getChildren()) {
            if (child.getValue() instanceof ObjectEntry o) {
                text += HeapFormat.objectName(graph, o.node()).length() + Long.toString(graph.nodeId(o.node())).length()
                        + ByteSizes.human(analysis.shallowSize(o.node())).length()
                        + ByteSizes.human(analysis.retainedSize(o.node())).length()
                        + HeapFormat.distance(analysis.distance(o.node())).length()
                        + (o.edge() >= 0 ? HeapText.edge(graph, o.edge()).length() : 0);
            } else if (child.getValue() instanceof HeapRow.ClassEntry c) {
                text += classes.summary().row(c.row()).name().length();
            }
        }
        return text;
    }

    private void time(String name, Supplier<Integer> step) {
        time(name, () -> null, ignored -> step.get());
    }

    /** Times {@code step} once and then {@code repeats} more times, each on what an untimed {@code setUp} made. */
    private <T> void time(String name, Supplier<T> setUp, java.util.function.Function<T, Integer> step) {
        monitor.beginPhase(name, -1);
        double[] millis = new double[repeats + 1];
        double[] cpuMillis = new double[repeats + 1];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int run = 0; run <= repeats; run++) {
            if (monitor.isCancelled()) {
                throw new io.heapscope.model.progress.CancelledException();
            }
            T made = setUp.get();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            step.apply(made);
            millis[run] = (System.nanoTime() - start) / 1e6;
            cpuMillis[run] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        steps.add(new Step(name, millis[0], medianOfRepeats(millis), medianOfRepeats(cpuMillis)));
    }

    /** The median of the runs after the first, or the first if there are no more. */
    private static double medianOfRepeats(double[] millis) {
        double[] later = Arrays.copyOfRange(millis, 1, millis.length);
        Arrays.sort(later);
        return later.length == 0 ? millis[0] : later.length % 2 == 1 ? later[later.length / 2]
                : (later[later.length / 2 - 1] + later[later.length / 2]) / 2;
    }
}
