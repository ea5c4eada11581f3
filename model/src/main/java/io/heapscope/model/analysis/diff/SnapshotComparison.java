package io.heapscope.model.analysis.diff;

import io.heapscope.model.analysis.NodeMeasures;
import io.heapscope.model.analysis.classes.ClassNames;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.HeapSnapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * DevTools' Comparison view of a target snapshot against a base snapshot ({@code aggregatesForDiff},
 * {@code calculateSnapshotDiff}, {@code calculateDiffForClass}), with the new and deleted objects of every row.
 *
 * <p>The rules, all DevTools': each side counts only its objects with shallow size above 0, grouped by class key;
 * within a key, objects are matched by V8 id (matching never crosses keys); the base's plain objects are named with
 * the <em>target's</em> interface definitions, so that {@code {a, b}} means the same on both sides. One row per key
 * with a new or deleted object: the base's keys first, then keys only the target has, then sorted as the grid first
 * shows them, "Alloc. Size" descending, then name ascending (UTF-16 order), stable. So
 * {@code sum(deltaCount)} = the target's counted objects − the base's (unless two classes collide on one printed
 * key; see {@link KeyedInstances}).
 *
 * <p>Ids match objects only between snapshots of one process; across processes the rows still follow DevTools' rules.
 * Cost: naming the base's classes, two passes over each snapshot's nodes and a sort of each key's ids; holds an int
 * per new or deleted object.
 */
public final class SnapshotComparison {
    public static final String PHASE = "Comparing snapshots";

    private static final Comparator<DiffRow> GRID_ORDER = Comparator.comparingLong(DiffRow::allocSize).reversed()
            .thenComparing(DiffRow::className);

    private final DiffRow[] rows;
    /** Per row, where its objects start in {@link #newObjects} and {@link #deletedObjects}. */
    private final int[] firstNew;
    private final int[] firstDeleted;
    /** Target ordinals; each row's by ascending id. */
    private final int[] newObjects;
    /** Base ordinals; each row's by ascending id. */
    private final int[] deletedObjects;

    private SnapshotComparison(DiffRow[] rows, int[] firstNew, int[] firstDeleted, int[] newObjects,
                               int[] deletedObjects) {
        this.rows = rows;
        this.firstNew = firstNew;
        this.firstDeleted = firstDeleted;
        this.newObjects = newObjects;
        this.deletedObjects = deletedObjects;
    }

    /**
     * Compares {@code target} with {@code base}. {@code targetClasses} are the target's own classes
     * ({@link ClassNames#compute(HeapSnapshot, ProgressMonitor)}); the base is named here with their interface
     * definitions. Reports the phases "Naming classes" (the base) and {@link #PHASE}.
     */
    public static SnapshotComparison compute(HeapSnapshot base, NodeMeasures baseMeasures, HeapSnapshot target,
                                             NodeMeasures targetMeasures, ClassNames targetClasses,
                                             ProgressMonitor monitor) {
        if (targetClasses.nodeCount() != target.graph().nodeCount()) {
            throw new IllegalArgumentException("targetClasses are not the target snapshot's");
        }
        ClassNames baseClasses = ClassNames.compute(base, targetClasses.interfaceDefinitions(), monitor);
        long baseWork = 2L * base.graph().nodeCount();
        long work = baseWork + 2L * target.graph().nodeCount();
        monitor.beginPhase(PHASE, work);
        KeyedInstances before = KeyedInstances.of(base.graph(), baseMeasures, baseClasses, monitor, 0);
        KeyedInstances after = KeyedInstances.of(target.graph(), targetMeasures, targetClasses, monitor, baseWork);

        Matcher matcher = new Matcher(before, baseMeasures, after, targetMeasures);
        BaseOnlyNames baseOnlyNames = new BaseOnlyNames(base, before, baseClasses, monitor, work);
        // DevTools' order of the diffs: the base's keys, then those only the target has.
        for (int key = 0; key < before.keyCount(); key++) {
            monitor.checkCancelled();
            int other = after.indexOf(before.key(key));
            if (other >= 0) {
                matcher.match(key, other, targetClasses.name(after.classOfKey(other)));
            } else {
                matcher.match(key, -1, baseOnlyNames.name(key));
            }
        }
        for (int key = 0; key < after.keyCount(); key++) {
            monitor.checkCancelled();
            if (before.indexOf(after.key(key)) < 0) {
                matcher.match(-1, key, targetClasses.name(after.classOfKey(key)));
            }
        }
        monitor.progress(work);
        return matcher.sorted();
    }

    /**
     * Names a key only the base has after its highest-id object's class, as DevTools reads it after restoring the
     * base's own interface definitions. Only a plain object's name depends on the definitions, and a plain-object
     * key the target lacks is rare, so the base's own naming is computed only when one turns up.
     */
    private static final class BaseOnlyNames {
        private final HeapSnapshot base;
        private final KeyedInstances before;
        private final ClassNames withTargetDefinitions;
        private final ProgressMonitor monitor;
        private final long work;
        private final int objectType;
        private ClassNames own;

        BaseOnlyNames(HeapSnapshot base, KeyedInstances before, ClassNames withTargetDefinitions,
                      ProgressMonitor monitor, long work) {
            this.base = base;
            this.before = before;
            this.withTargetDefinitions = withTargetDefinitions;
            this.monitor = monitor;
            this.work = work;
            this.objectType = base.graph().nodeTypes().code("object");
        }

        String name(int key) {
            HeapGraph graph = before.graph();
            int highest = before.ordinal(before.end(key) - 1);
            // DevTools' isPlainJSObject.
            if (graph.nodeType(highest) != objectType || !"Object".equals(graph.nodeName(highest))) {
                return withTargetDefinitions.name(before.classOfKey(key));
            }
            if (own == null) {
                own = ClassNames.compute(base, monitor);
                monitor.beginPhase(PHASE, work);
            }
            return own.className(highest);
        }
    }

    /** Merges each key's two id-sorted object lists, as {@code calculateDiffForClass} does. */
    private static final class Matcher {
        private final KeyedInstances before;
        private final NodeMeasures baseMeasures;
        private final KeyedInstances after;
        private final NodeMeasures targetMeasures;
        private final int[] newObjects;
        private final int[] deletedObjects;
        private int newSize;
        private int deletedSize;
        private final List<DiffRow> rows = new ArrayList<>();
        private final List<Integer> firstNew = new ArrayList<>();
        private final List<Integer> firstDeleted = new ArrayList<>();

        Matcher(KeyedInstances before, NodeMeasures baseMeasures, KeyedInstances after, NodeMeasures targetMeasures) {
            this.before = before;
            this.baseMeasures = baseMeasures;
            this.after = after;
            this.targetMeasures = targetMeasures;
            this.newObjects = new int[after.instanceCount()];
            this.deletedObjects = new int[before.instanceCount()];
        }

        /** Adds the row of a base key and a target key (either may be -1: none) if anything changed. */
        void match(int baseKey, int targetKey, String name) {
            int i = baseKey < 0 ? 0 : before.start(baseKey);
            int baseEnd = baseKey < 0 ? 0 : before.end(baseKey);
            int j = targetKey < 0 ? 0 : after.start(targetKey);
            int targetEnd = targetKey < 0 ? 0 : after.end(targetKey);
            int newStart = newSize;
            int deletedStart = deletedSize;
            long alloc = 0;
            long freed = 0;
            while (i < baseEnd || j < targetEnd) {
                if (j == targetEnd || (i < baseEnd && before.id(i) < after.id(j))) {
                    int node = before.ordinal(i++);
                    deletedObjects[deletedSize++] = node;
                    freed += baseMeasures.shallowSize(node);
                } else if (i == baseEnd || before.id(i) > after.id(j)) {
                    int node = after.ordinal(j++);
                    newObjects[newSize++] = node;
                    alloc += targetMeasures.shallowSize(node);
                } else {
                    i++;
                    j++;
                }
            }
            if (newSize == newStart && deletedSize == deletedStart) {
                return;
            }
            String key = targetKey >= 0 ? after.key(targetKey) : before.key(baseKey);
            rows.add(DiffRow.of(key, name, newSize - newStart, deletedSize - deletedStart, alloc, freed));
            firstNew.add(newStart);
            firstDeleted.add(deletedStart);
        }

        SnapshotComparison sorted() {
            Integer[] order = new Integer[rows.size()];
            Arrays.setAll(order, i -> i);
            // Arrays.sort on objects is stable, as DevTools' sort: ties keep the diffs' order.
            Arrays.sort(order, Comparator.comparing(rows::get, GRID_ORDER));
            DiffRow[] sortedRows = new DiffRow[order.length];
            int[] sortedFirstNew = new int[order.length];
            int[] sortedFirstDeleted = new int[order.length];
            for (int row = 0; row < order.length; row++) {
                sortedRows[row] = rows.get(order[row]);
                sortedFirstNew[row] = firstNew.get(order[row]);
                sortedFirstDeleted[row] = firstDeleted.get(order[row]);
            }
            return new SnapshotComparison(sortedRows, sortedFirstNew, sortedFirstDeleted,
                    Arrays.copyOf(newObjects, newSize), Arrays.copyOf(deletedObjects, deletedSize));
        }
    }

    public int rowCount() {
        return rows.length;
    }

    public DiffRow row(int row) {
        return rows[row];
    }

    /** All rows, in the grid's default order. */
    public List<DiffRow> rows() {
        return List.of(rows);
    }

    /** The row of a class key, or -1 when the key has no new or deleted object. Linear in the rows. */
    public int rowOfKey(String classKey) {
        for (int row = 0; row < rows.length; row++) {
            if (rows[row].classKey().equals(classKey)) {
                return row;
            }
        }
        return -1;
    }

    /** The target ordinals of a row's new objects {@code [from, to)} (by ascending id): a window for a view. */
    public int[] newObjects(int row, int from, int to) {
        return window(newObjects, firstNew[row], rows[row].newCount(), from, to);
    }

    /** The base ordinals of a row's deleted objects {@code [from, to)} (by ascending id): a window for a view. */
    public int[] deletedObjects(int row, int from, int to) {
        return window(deletedObjects, firstDeleted[row], rows[row].deletedCount(), from, to);
    }

    private static int[] window(int[] objects, int first, int count, int from, int to) {
        if (from < 0 || to > count || from > to) {
            throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + count);
        }
        return Arrays.copyOfRange(objects, first + from, first + to);
    }
}
