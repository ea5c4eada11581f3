package io.heapscope.model.analysis.classes;

import io.heapscope.model.analysis.NodeMeasures;
import io.heapscope.model.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Summary rows from hand-made measures: top-most retained sizes, size-0 nodes, order, key collisions. */
class ClassSummaryTest {

    /** Measures given per node: shallow size, retained size, distance, dominator. */
    record Given(long[] shallow, long[] retained, int[] distance, int[] dominator) implements NodeMeasures {
        @Override
        public long shallowSize(int node) {
            return shallow[node];
        }

        @Override
        public long retainedSize(int node) {
            return retained[node];
        }

        @Override
        public int distance(int node) {
            return distance[node];
        }

        @Override
        public int dominator(int node) {
            return dominator[node];
        }
    }

    @Test
    void nestedInstancesCountOnceUnlessTheOuterOneHasNoSize() {
        TinyHeap heap = new TinyHeap();
        int a1 = heap.node("object", "A", 10);
        int b1 = heap.node("object", "B", 5);
        int a2 = heap.node("object", "A", 7);
        int a0 = heap.node("object", "A", 0);
        int a3 = heap.node("object", "A", 3);
        int b2 = heap.node("object", "B", 2);
        int d = heap.node("object", "D", 4);
        int c = heap.node("object", "C", 4);
        ClassNames classes = ClassNames.compute(heap.snapshot(), ProgressMonitor.none());
        // Dominator tree: root → a1 → b1 → a2; root → a0 → a3; root → b2, d, c.
        Given measures = new Given(
                new long[]{0, 10, 5, 7, 0, 3, 2, 4, 4},
                new long[]{35, 22, 12, 7, 3, 3, 2, 4, 4},
                new int[]{0, 2, 3, 4, 1, 2, NodeMeasures.NO_DISTANCE, 2, 2},
                new int[]{0, 0, a1, b1, 0, a0, 0, 0, 0});

        ClassSummary summary = ClassSummary.compute(classes, measures, ProgressMonitor.none());

        assertEquals(List.of(
                new ClassRow(",A", "A", 3, 20, 25, 2),
                new ClassRow(",B", "B", 2, 7, 14, NodeMeasures.NO_DISTANCE),
                // Equal retained sizes: by key.
                new ClassRow(",C", "C", 1, 4, 4, 2),
                new ClassRow(",D", "D", 1, 4, 4, 2)), summary.rows());
        assertArrayEquals(new int[]{a1, a2, a3}, summary.instances(0, 0, 3));
        assertEquals(b2, summary.instance(1, 1));
        assertEquals(0, summary.rowOfClass(classes.classOf(a0)));
        assertEquals(-1, summary.rowOfClass(classes.classOf(0)));
        assertEquals(3, summary.rowOfKey(",D"));
        assertEquals(d, summary.instance(3, 0));
        assertEquals(c, summary.instance(2, 0));
    }

    /**
     * A closure and an object named {@code Function} are two DevTools classes that print as one key; the Summary
     * keeps the one whose first counted instance comes later (checked against DevTools with both orders).
     */
    @Test
    void classesPrintingAsOneKeyKeepTheLaterStartingOne() {
        for (boolean closureFirst : new boolean[]{true, false}) {
            TinyHeap heap = new TinyHeap();
            int global = heap.node("object", "global", 40);
            int closure;
            int object;
            if (closureFirst) {
                closure = heap.node("closure", "foo", 32);
                object = heap.node("object", "Function", 100);
            } else {
                object = heap.node("object", "Function", 100);
                closure = heap.node("closure", "foo", 32);
            }
            heap.node("closure", "bar", 32);
            ClassNames classes = ClassNames.compute(heap.snapshot(), ProgressMonitor.none());
            assertEquals(classes.key(classes.classOf(closure)), classes.key(classes.classOf(object)));
            Given measures = new Given(new long[]{0, 40, 32, 100, 32}, new long[]{204, 204, 32, 100, 32},
                    new int[]{0, 1, 2, 2, 2}, new int[]{0, 0, global, global, global});
            measures.shallow[object] = 100;
            measures.shallow[closure] = 32;
            measures.retained[object] = 100;
            measures.retained[closure] = 32;

            List<ClassRow> rows = ClassSummary.compute(classes, measures, ProgressMonitor.none()).rows();

            ClassRow function = closureFirst ? new ClassRow(",Function", "Function", 1, 100, 100, 2)
                    : new ClassRow(",Function", "Function", 2, 64, 64, 2);
            assertEquals(List.of(new ClassRow(",global", "global", 1, 40, 204, 1), function), rows);
        }
    }
}
