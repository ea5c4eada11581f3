package io.heapscope.model.analysis.classes;

import io.heapscope.model.analysis.DominatedNodes;
import io.heapscope.model.analysis.NodeMeasures;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.progress.SideThread;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Future;

/**
 * DevTools' Summary view with the default "All objects" filter ({@code buildAggregates} and
 * {@code calculateClassesRetainedSize}): one {@link ClassRow} per class key, sorted by retained size sum
 * descending, then key ascending (UTF-16 order). Nodes with shallow size 0 take no part. Built in linear time
 * (one pass over the nodes, one iterative walk of the dominator tree). The rows' instances (an int per counted
 * node) are sorted out on first use: the command line's Summary never asks for them.
 */
public final class ClassSummary {
    public static final String PHASE = "Summarising classes";

    private final ClassRow[] rows;
    private final int[] classOfRow;
    private final int[] rowOfClass;
    private final int[] firstInstance;
    private final ClassNames classes;
    private final NodeMeasures measures;
    /** The instances row by row, each row's in node order; null until first asked for. */
    private volatile int[] instances;

    private ClassSummary(ClassRow[] rows, int[] classOfRow, int[] rowOfClass, int[] firstInstance,
                         ClassNames classes, NodeMeasures measures) {
        this.rows = rows;
        this.classOfRow = classOfRow;
        this.rowOfClass = rowOfClass;
        this.firstInstance = firstInstance;
        this.classes = classes;
        this.measures = measures;
    }

    public static ClassSummary compute(ClassNames classes, NodeMeasures measures, ProgressMonitor monitor) {
        int nodeCount = classes.nodeCount();
        int classCount = classes.classCount();
        monitor.beginPhase(PHASE, nodeCount);

        // The per-class counts on the second core, while this one walks the dominator tree: each is a pass over
        // every node, and the walk is the longer.
        Tally tally;
        long[] retained;
        try (SideThread side = new SideThread(monitor, "heapscope-summary")) {
            Future<Tally> counted = side.submit(sideMonitor -> Tally.of(classes, measures, sideMonitor));
            retained = topMostRetainedSizes(classes, measures, monitor);
            tally = SideThread.await(counted);
        }
        int[] count = tally.count;
        long[] shallow = tally.shallow;
        int[] minDistance = tally.minDistance;
        int[] firstCounted = tally.firstCounted;

        // DevTools turns its internal keys into printed keys by overwriting a plain object's entries in Map order
        // (first counted instance): when two classes print as one key, the later-starting one is the row.
        int[] rowOfClass = new int[classCount];
        Arrays.fill(rowOfClass, -1);
        HashMap<String, Integer> byKey = new HashMap<>();
        for (int cls = 0; cls < classCount; cls++) {
            if (count[cls] == 0) {
                continue;
            }
            Integer other = byKey.get(classes.key(cls));
            if (other == null || firstCounted[other] < firstCounted[cls]) {
                byKey.put(classes.key(cls), cls);
            }
        }
        Integer[] kept = byKey.values().toArray(new Integer[0]);
        Arrays.sort(kept, (a, b) -> retained[a] != retained[b] ? Long.compare(retained[b], retained[a])
                : classes.key(a).compareTo(classes.key(b)));

        ClassRow[] rows = new ClassRow[kept.length];
        int[] classOfRow = new int[kept.length];
        int[] firstInstance = new int[kept.length + 1];
        for (int row = 0; row < kept.length; row++) {
            int cls = kept[row];
            classOfRow[row] = cls;
            rowOfClass[cls] = row;
            rows[row] = new ClassRow(classes.key(cls), classes.name(cls), count[cls], shallow[cls], retained[cls],
                    minDistance[cls]);
            firstInstance[row + 1] = firstInstance[row] + count[cls];
        }
        monitor.progress(nodeCount);
        return new ClassSummary(rows, classOfRow, rowOfClass, firstInstance, classes, measures);
    }

    /** Sorts the rows' instances now rather than on first use: off the thread of a view that will list them. */
    public ClassSummary withInstancesSorted() {
        instances();
        return this;
    }

    private int[] instances() {
        int[] sorted = instances;
        if (sorted == null) {
            synchronized (this) {
                sorted = instances;
                if (sorted == null) {
                    sorted = sortInstances();
                    instances = sorted;
                }
            }
        }
        return sorted;
    }

    /** Instances by row, each in node order (a counting sort): one pass over the nodes. */
    private int[] sortInstances() {
        int[] sorted = new int[firstInstance[rows.length]];
        int[] next = Arrays.copyOf(firstInstance, rows.length);
        for (int node = 0, nodeCount = classes.nodeCount(); node < nodeCount; node++) {
            if (measures.shallowSize(node) != 0) {
                int row = rowOfClass[classes.classOf(node)];
                if (row >= 0) {
                    sorted[next[row]++] = node;
                }
            }
        }
        return sorted;
    }

    /** Per class: the instances counted (shallow size not 0), their shallow sizes, least distance and first one. */
    private static final class Tally {
        final int[] count;
        final long[] shallow;
        final int[] minDistance;
        final int[] firstCounted;

        private Tally(int classCount) {
            count = new int[classCount];
            shallow = new long[classCount];
            minDistance = new int[classCount];
            firstCounted = new int[classCount];
            Arrays.fill(firstCounted, -1);
        }

        static Tally of(ClassNames classes, NodeMeasures measures, ProgressMonitor monitor) {
            Tally tally = new Tally(classes.classCount());
            int[] count = tally.count;
            int[] minDistance = tally.minDistance;
            for (int node = 0, nodeCount = classes.nodeCount(); node < nodeCount; node++) {
                if ((node & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                    monitor.checkCancelled();
                }
                long size = measures.shallowSize(node);
                if (size == 0) {
                    continue;
                }
                int cls = classes.classOf(node);
                int distance = measures.distance(node);
                if (count[cls]++ == 0) {
                    tally.firstCounted[cls] = node;
                    minDistance[cls] = distance;
                } else if (distance < minDistance[cls]) {
                    minDistance[cls] = distance;
                }
                tally.shallow[cls] += size;
            }
            return tally;
        }
    }

    /**
     * Per class, the retained sizes of its top-most instances: a depth-first walk of the dominator tree from the
     * root with an explicit stack, where entering a counted instance marks its class "open" until its subtree is
     * done, and instances met while their class is open are not added.
     */
    private static long[] topMostRetainedSizes(ClassNames classes, NodeMeasures measures,
                                               ProgressMonitor monitor) {
        int nodeCount = classes.nodeCount();
        long[] retained = new long[classes.classCount()];
        if (nodeCount == 0) {
            return retained;
        }
        DominatedNodes tree = measures.dominatedNodes(nodeCount);
        monitor.checkCancelled();

        boolean[] open = new boolean[classes.classCount()];
        // A node is pushed once; an exit marker (~node) at most once more.
        int[] stack = new int[2 * nodeCount];
        int top = 0;
        stack[top++] = 0;
        int visited = 0;
        while (top > 0) {
            int entry = stack[--top];
            if (entry < 0) {
                open[classes.classOf(~entry)] = false;
                continue;
            }
            int node = entry;
            int cls = classes.classOf(node);
            boolean hasChildren = tree.start(node) != tree.end(node);
            if (!open[cls] && measures.shallowSize(node) != 0) {
                retained[cls] += measures.retainedSize(node);
                if (hasChildren) {
                    open[cls] = true;
                    stack[top++] = ~node;
                }
            }
            for (int i = tree.start(node), end = tree.end(node); i < end; i++) {
                stack[top++] = tree.child(i);
            }
            if ((++visited & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                ProgressMonitor.checkpoint(monitor, visited);
            }
        }
        return retained;
    }

    public int rowCount() {
        return rows.length;
    }

    public ClassRow row(int row) {
        return rows[row];
    }

    /** All rows in order. */
    public List<ClassRow> rows() {
        return List.of(rows);
    }

    /** The row of a key, or -1. Linear in the rows. */
    public int rowOfKey(String key) {
        for (int row = 0; row < rows.length; row++) {
            if (rows[row].key().equals(key)) {
                return row;
            }
        }
        return -1;
    }

    /** The {@link ClassNames} class a row stands for. */
    public int classOfRow(int row) {
        return classOfRow[row];
    }

    /** The row of a {@link ClassNames} class, or -1 when it has no counted instance (or lost its key; see there). */
    public int rowOfClass(int cls) {
        return rowOfClass[cls];
    }

    /** The number of instances of a row ({@link ClassRow#count()}). */
    public int instanceCount(int row) {
        return firstInstance[row + 1] - firstInstance[row];
    }

    /** The {@code index}-th instance of a row, in node order. Fast, in memory, once the first call sorted them. */
    public int instance(int row, int index) {
        if (index < 0 || index >= instanceCount(row)) {
            throw new IndexOutOfBoundsException(index);
        }
        return instances()[firstInstance[row] + index];
    }

    /** The ordinals of a row's instances in {@code [from, to)}, in node order: a window for a view. */
    public int[] instances(int row, int from, int to) {
        int count = instanceCount(row);
        if (from < 0 || to > count || from > to) {
            throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + count);
        }
        return Arrays.copyOfRange(instances(), firstInstance[row] + from, firstInstance[row] + to);
    }
}
