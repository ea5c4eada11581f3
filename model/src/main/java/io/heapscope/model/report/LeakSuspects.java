package io.heapscope.model.report;

import io.heapscope.model.analysis.DominatedNodes;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.classes.ClassRow;
import io.heapscope.model.analysis.classes.ClassSummary;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.format.HeapText;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "Leak suspects" in the spirit of Eclipse MAT's report, over DevTools' numbers:
 * <ul>
 *   <li>an object that alone retains at least {@link #THRESHOLD} of the heap (MAT's default, 10 %), followed down
 *       the dominator tree to its accumulation point: the first object whose biggest child retains less than
 *       {@link #BIG_DROP} of it (MAT's "big drop"), which is where the bytes pile up;</li>
 *   <li>a class whose top-most instances together retain at least {@link #THRESHOLD} (DevTools' own categories in
 *       parentheses, such as {@code (compiled code)}, and {@code system / …} are the engine's, not suspects);</li>
 *   <li>a collection (a JS array, Map, Set, or an object's elements) with unusually many entries: at least
 *       {@link #BIG_COLLECTION} entries, or {@link #LARGE_COLLECTION} entries and {@link #COLLECTION_SHARE} of the
 *       heap.</li>
 * </ul>
 * The same bytes can show up in several suspects (a leaking array and the class of its elements); each is a
 * different way in. Costs: one pass over the nodes, one over each Summary row's instances, and the dominator tree
 * downwards (which {@link HeapAnalysis#dominated()} keeps).
 */
public final class LeakSuspects {
    public static final double THRESHOLD = 0.10;
    public static final double BIG_DROP = 0.7;
    public static final int BIG_COLLECTION = 100_000;
    public static final int LARGE_COLLECTION = 1_000;
    public static final double COLLECTION_SHARE = 0.05;
    /**
     * A class is a suspect for its many instances, not for one big one: when one instance holds more than this of
     * the class's retained size, that object (an {@link LeakSuspect.Kind#OBJECT} suspect if big enough) is the
     * lead, and the class would only repeat it.
     */
    public static final double MAX_INSTANCE_SHARE = 0.05;
    /** How far up the dominator tree an instance is looked at for a suspect class holding it. */
    private static final int HOLDER_DEPTH = 3;
    public static final String PHASE = "Looking for leak suspects";
    private static final int MAX_COLLECTIONS = 5;

    private final HeapAnalysis analysis;
    private final HeapGraph graph;
    private final long total;

    private LeakSuspects(HeapAnalysis analysis) {
        this.analysis = analysis;
        this.graph = analysis.graph();
        this.total = analysis.retainedSize(0);
    }

    /** Objects first, then classes, then collections; the biggest first within each. */
    public static List<LeakSuspect> find(HeapAnalysis analysis, ClassSummary summary, ProgressMonitor monitor) {
        LeakSuspects finder = new LeakSuspects(analysis);
        monitor.beginPhase(PHASE, analysis.graph().nodeCount());
        List<LeakSuspect> suspects = new ArrayList<>(finder.objects(monitor));
        Set<Integer> objects = new HashSet<>();
        suspects.forEach(s -> objects.add(s.node()));
        suspects.addAll(finder.classes(summary, monitor));
        suspects.addAll(finder.collections(objects, monitor));
        return List.copyOf(suspects);
    }

    /**
     * The objects no single other object keeps alive, biggest first: the root's children in the dominator tree,
     * with the synthetic ones ({@code (GC roots)} and its groups) and the user roots (the {@code global} object,
     * a page's {@code Window}: distance 1) opened, as they hold everything a program keeps; their children are
     * what it keeps.
     */
    public static List<Integer> topDominators(HeapAnalysis analysis, int limit) {
        HeapGraph graph = analysis.graph();
        DominatedNodes tree = analysis.dominated();
        int synthetic = graph.nodeTypes().code("synthetic");
        List<Integer> found = new ArrayList<>();
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            for (int i = tree.start(node), end = tree.end(node); i < end; i++) {
                int child = tree.child(i);
                if (graph.nodeType(child) == synthetic || analysis.distance(child) == 1) {
                    if (top == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = child;
                } else if (analysis.retainedSize(child) > 0) {
                    found.add(child);
                }
            }
        }
        found.sort(Comparator.comparingLong((Integer n) -> analysis.retainedSize(n)).reversed()
                .thenComparingLong(graph::nodeId));
        return List.copyOf(found.subList(0, Math.min(limit, found.size())));
    }

    private List<LeakSuspect> objects(ProgressMonitor monitor) {
        List<LeakSuspect> suspects = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int top : topDominators(analysis, Integer.MAX_VALUE)) {
            monitor.checkCancelled();
            if (analysis.retainedSize(top) < THRESHOLD * total) {
                break;
            }
            int point = accumulationPoint(top);
            if (!seen.add(point)) {
                continue;
            }
            long retained = analysis.retainedSize(top);
            String where = point == top ? ""
                    : " Most of it piles up in " + HeapText.node(graph, point) + " ("
                    + ByteSizes.human(analysis.retainedSize(point)) + "), which it holds.";
            suspects.add(new LeakSuspect(LeakSuspect.Kind.OBJECT,
                    HeapText.node(graph, top) + " alone retains "
                            + ByteSizes.human(retained) + " (" + percent(retained) + " of the heap)",
                    "No other single object keeps these bytes alive: freeing " + HeapText.node(graph, top)
                            + " frees them." + where + collectionText(point, entries(point)),
                    point, retained, share(retained)));
        }
        return suspects;
    }

    /** Down the dominator tree while the biggest child keeps most of the parent's retained size. */
    private int accumulationPoint(int node) {
        DominatedNodes tree = analysis.dominated();
        int current = node;
        while (true) {
            int biggest = -1;
            for (int i = tree.start(current), end = tree.end(current); i < end; i++) {
                int child = tree.child(i);
                if (biggest < 0 || analysis.retainedSize(child) > analysis.retainedSize(biggest)) {
                    biggest = child;
                }
            }
            if (biggest < 0 || analysis.retainedSize(biggest) < BIG_DROP * analysis.retainedSize(current)) {
                return current;
            }
            current = biggest;
        }
    }

    /**
     * Classes by retained size; a class whose instances mostly hang under instances of a suspect class already
     * found ({@code Date}s inside leaked records) is part of that suspect, not another.
     */
    private List<LeakSuspect> classes(ClassSummary summary, ProgressMonitor monitor) {
        List<LeakSuspect> suspects = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < summary.rowCount(); row++) {
            ClassRow cls = summary.row(row);
            if (cls.retainedSizeSum() >= THRESHOLD * total && !isEngineCategory(cls.name())) {
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparingLong((Integer r) -> summary.row(r).retainedSizeSum()).reversed());
        java.util.BitSet claimed = new java.util.BitSet(graph.nodeCount());
        for (int row : rows) {
            ClassRow cls = summary.row(row);
            monitor.checkCancelled();
            int biggest = -1;
            int held = 0;
            int count = summary.instanceCount(row);
            for (int i = 0; i < count; i++) {
                int node = summary.instance(row, i);
                if (biggest < 0 || analysis.retainedSize(node) > analysis.retainedSize(biggest)) {
                    biggest = node;
                }
                if (heldByClaimed(node, claimed)) {
                    held++;
                }
            }
            long retained = cls.retainedSizeSum();
            if (biggest < 0 || analysis.retainedSize(biggest) > MAX_INSTANCE_SHARE * retained || held * 2 >= count) {
                continue;
            }
            for (int i = 0; i < count; i++) {
                claimed.set(summary.instance(row, i));
            }
            String many = cls.count() == 1 ? "Its one instance retains" : ByteSizes.grouped(cls.count())
                    + " instances retain";
            suspects.add(new LeakSuspect(LeakSuspect.Kind.CLASS,
                    ByteSizes.grouped(cls.count()) + " × " + cls.name() + " retain " + ByteSizes.human(retained)
                            + " (" + percent(retained) + " of the heap)",
                    many + " " + ByteSizes.human(retained) + " together (counted once), none more than "
                            + ByteSizes.human(analysis.retainedSize(biggest)) + ": many small objects that stay"
                            + " usually sit in a collection that only grows. The chain shows who holds the biggest, "
                            + HeapText.node(graph, biggest) + ".",
                    biggest, retained, share(retained)));
        }
        suspects.sort(Comparator.comparingLong(LeakSuspect::retainedSize).reversed());
        return suspects;
    }

    private boolean heldByClaimed(int node, java.util.BitSet claimed) {
        int current = node;
        for (int depth = 0; depth < HOLDER_DEPTH; depth++) {
            int dominator = analysis.dominator(current);
            if (dominator == current) {
                return false;
            }
            if (claimed.get(dominator)) {
                return true;
            }
            current = dominator;
        }
        return false;
    }

    /** DevTools' own groups ({@code (compiled code)}, {@code (string)}) and V8's internals. */
    private static boolean isEngineCategory(String name) {
        return name.startsWith("(") || name.startsWith("system / ");
    }

    private List<LeakSuspect> collections(Set<Integer> alreadySuspect, ProgressMonitor monitor) {
        int object = graph.nodeTypes().code("object");
        record Found(int node, int entries) {
        }
        List<Found> found = new ArrayList<>();
        for (int node = 1, n = graph.nodeCount(); node < n; node++) {
            if ((node & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                ProgressMonitor.checkpoint(monitor, node);
            }
            if (graph.nodeType(node) != object || alreadySuspect.contains(node)) {
                continue;
            }
            int entries = entries(node);
            long retained = analysis.retainedSize(node);
            if (entries >= BIG_COLLECTION || entries >= LARGE_COLLECTION && retained >= COLLECTION_SHARE * total) {
                found.add(new Found(node, entries));
            }
        }
        found.sort(Comparator.comparingLong((Found f) -> analysis.retainedSize(f.node())).reversed());
        List<LeakSuspect> suspects = new ArrayList<>();
        for (Found f : found.subList(0, Math.min(MAX_COLLECTIONS, found.size()))) {
            long retained = analysis.retainedSize(f.node());
            suspects.add(new LeakSuspect(LeakSuspect.Kind.COLLECTION,
                    HeapText.node(graph, f.node()) + " holds " + ByteSizes.grouped(f.entries()) + " entries and "
                            + "retains " + ByteSizes.human(retained) + " (" + percent(retained) + " of the heap)",
                    collectionText(f.node(), f.entries()).strip(), f.node(), retained, share(retained)));
        }
        return suspects;
    }

    /** What a collection of this size usually is, or empty when {@code node} has few entries. */
    private String collectionText(int node, int entries) {
        if (entries < LARGE_COLLECTION) {
            return "";
        }
        String name = HeapText.nodeName(graph, node);
        String what = name.equals("Map") || name.equals("Set") ? "a " + name : name.equals("Array") ? "an array"
                : "an object (" + name + ") with indexed elements";
        return " It is " + what + " of " + ByteSizes.grouped(entries) + " entries: a cache, registry or history that"
                + " is added to and never trimmed grows like this. Check what adds to it and whether anything removes.";
    }

    /**
     * The entries of a collection: its element edges, plus those of its backing store (an array's
     * {@code elements}, a Map's or Set's {@code table}); 0 for objects that are not collections.
     */
    int entries(int node) {
        int element = graph.edgeTypes().code("element");
        int hidden = graph.edgeTypes().code("hidden");
        int internal = graph.edgeTypes().code("internal");
        int array = graph.nodeTypes().code("array");
        int entries = 0;
        for (int e = graph.edgeStart(node), end = graph.edgeEnd(node); e < end; e++) {
            int type = graph.edgeType(e);
            if (type == element) {
                entries++;
            } else if (type == internal && graph.nodeType(graph.edgeTarget(e)) == array) {
                String edge = graph.edgeName(e);
                if (edge.equals("elements") || edge.equals("table")) {
                    entries += elementCount(graph.edgeTarget(e), element, hidden);
                }
            }
        }
        return entries;
    }

    private int elementCount(int store, int element, int hidden) {
        int count = 0;
        for (int e = graph.edgeStart(store), end = graph.edgeEnd(store); e < end; e++) {
            int type = graph.edgeType(e);
            if (type == element || type == hidden) {
                count++;
            }
        }
        return count;
    }

    private double share(long bytes) {
        return total <= 0 ? 0 : (double) bytes / total;
    }

    private String percent(long bytes) {
        double share = 100 * share(bytes);
        return String.format(Locale.ROOT, share < 10 ? "%.1f %%" : "%.0f %%", share);
    }
}
