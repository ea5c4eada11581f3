package io.heapscope.model.analysis.classes;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.diff.DiffRow;
import io.heapscope.model.analysis.diff.SnapshotComparison;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.HeapSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How the Comparison view names and keys classes in the rare cases no sample snapshot has: rows of keys only the
 * base has, named with the base's <em>own</em> interface definitions, and two classes printing as one key. The
 * expected rows are the oracle's, for these two heaps written out as files.
 */
class ComparisonNamesTest {

    /**
     * An object named {@code Function}, then three plain {@code {a, b, c}} objects with one constructor location, two
     * plain {@code {x, y}} objects, a closure.
     */
    static TinyHeap base() {
        TinyHeap heap = new TinyHeap();
        heap.edge(0, "element", "1", heap.node("object", "Function", 40));
        for (int i = 0; i < 3; i++) {
            int object = heap.plainObject("a", "b", "c");
            heap.location(object, 1, 2, 3);
            heap.edge(0, "element", String.valueOf(i + 2), object);
        }
        for (int i = 0; i < 2; i++) {
            heap.edge(0, "element", String.valueOf(i + 10), heap.plainObject("x", "y"));
        }
        heap.edge(0, "element", "20", heap.node("closure", "f", 32));
        return heap;
    }

    /** A closure, two plain {@code {a, b}} objects (the only definition), an object named {@code Function}, a closure. */
    static TinyHeap target() {
        TinyHeap heap = new TinyHeap();
        heap.edge(0, "element", "1", heap.node("closure", "f", 32));
        for (int i = 0; i < 2; i++) {
            heap.edge(0, "element", String.valueOf(i + 2), heap.plainObject("a", "b"));
        }
        heap.edge(0, "element", "9", heap.node("object", "Function", 40));
        heap.edge(0, "element", "10", heap.node("closure", "g", 32));
        return heap;
    }

    @Test
    void rowsEqualDevToolsForRenamedAndCollidingKeys() {
        HeapSnapshot base = base().snapshot();
        HeapSnapshot target = target().snapshot();
        ClassNames targetClasses = ClassNames.compute(target, ProgressMonitor.none());

        SnapshotComparison comparison = SnapshotComparison.compute(base,
                HeapAnalysis.analyze(base, ProgressMonitor.none()), target,
                HeapAnalysis.analyze(target, ProgressMonitor.none()), targetClasses, ProgressMonitor.none());

        assertEquals(List.of(
                // Closures and the object named Function print as one key on each side; the class whose first
                // object comes later holds it (object 13 in the target, the closure 25 in the base).
                new DiffRow(",Function", "Function", 1, 1, 0, 40, 32, 8),
                new DiffRow(",{a, b}", "{a, b}", 2, 0, 2, 32, 0, 32),
                new DiffRow(",(string)", "(string)", 0, 3, -3, 0, 48, -48),
                // With the target's definitions the base's {a, b, c} objects are {a, b}s, at a location the target
                // does not have; the row is named after the base's own definition.
                new DiffRow("1,2,3,{a, b}", "{a, b, c}", 0, 3, -3, 0, 48, -48),
                // The target has no {x, y} definition, so they are Objects, named {x, y} as the base names them.
                new DiffRow(",Object", "{x, y}", 0, 2, -2, 0, 32, -32)),
                comparison.rows());
        assertArrayEquals(new long[]{13}, ids(target, comparison.newObjects(0, 0, 1)));
        assertArrayEquals(new long[]{25}, ids(base, comparison.deletedObjects(0, 0, 1)));
        assertArrayEquals(new long[]{17, 21}, ids(base, comparison.deletedObjects(4, 0, 2)));
    }

    private static long[] ids(HeapSnapshot snapshot, int[] nodes) {
        long[] ids = new long[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            ids[i] = snapshot.graph().nodeId(nodes[i]);
        }
        return ids;
    }
}
