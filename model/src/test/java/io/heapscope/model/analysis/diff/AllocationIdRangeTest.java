package io.heapscope.model.analysis.diff;

import io.heapscope.model.analysis.diff.SnapshotComparisonTest.Loaded;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Objects allocated between Snapshot A and Snapshot B" on the pair of snapshots of one process. */
class AllocationIdRangeTest {

    @Test
    void rangeIsAboveTheEarlierAndUpToTheLaterLargestJsId() {
        AllocationIdRange range = new AllocationIdRange(11, 21);

        assertFalse(range.contains(11));
        assertTrue(range.contains(12));
        assertTrue(range.contains(21));
        assertFalse(range.contains(22));
    }

    @Test
    void largestJsIdIsTheLargestOddId() {
        HeapGraph graph = Loaded.of("pair-before").snapshot().graph();

        long max = AllocationIdRange.maxJsObjectId(graph);

        assertEquals(1, max & 1);
        boolean evenAbove = false;
        for (int node = 0; node < graph.nodeCount(); node++) {
            long id = graph.nodeId(node);
            assertTrue((id & 1) == 0 || id <= max);
            evenAbove |= id > max;
        }
        // Embedder objects get even ids from another counter: counting them would make the range meaningless.
        assertTrue(evenAbove, "the sample has native ids above the largest JS id");
    }

    @Test
    void objectsAllocatedBetweenThePairAreTheScriptsNewObjects() {
        Loaded before = Loaded.of("pair-before");
        Loaded after = Loaded.of("pair-after");
        AllocationIdRange range = AllocationIdRange.between(before.snapshot().graph(), after.snapshot().graph());

        int[] allocated = range.nodes(after.snapshot().graph(), after.analysis(), ProgressMonitor.none());

        Map<String, Integer> perClass = new TreeMap<>();
        for (int node : allocated) {
            assertTrue(after.analysis().shallowSize(node) > 0);
            perClass.merge(after.classes().className(node), 1, Integer::sum);
        }
        assertEquals(1000, perClass.get("Invoice"));
        assertEquals(200, perClass.get("Customer"));
        assertEquals(null, perClass.get("Order"), "Orders were all allocated before the first snapshot");
        // Anything allocated in between is new to the Comparison view too (the converse does not hold: new
        // embedder objects, objects whose class key changed).
        SnapshotComparison comparison = SnapshotComparisonTest.compare("pair-before", "pair-after",
                ProgressMonitor.none());
        BitSet isNew = new BitSet();
        for (int row = 0; row < comparison.rowCount(); row++) {
            for (int node : comparison.newObjects(row, 0, comparison.row(row).newCount())) {
                isNew.set(node);
            }
        }
        for (int node : allocated) {
            assertTrue(isNew.get(node), () -> "@" + after.snapshot().graph().nodeId(node) + " is new");
        }
    }

    @Test
    void beforeTheFirstSnapshotHoldsEveryJsObjectOfIt() {
        Loaded before = Loaded.of("pair-before");
        HeapGraph graph = before.snapshot().graph();

        int[] allocated = AllocationIdRange.before(graph).nodes(graph, before.analysis(), ProgressMonitor.none());

        BitSet inRange = new BitSet();
        for (int node : allocated) {
            inRange.set(node);
        }
        for (int node = 0; node < graph.nodeCount(); node++) {
            if (before.analysis().shallowSize(node) > 0 && (graph.nodeId(node) & 1) == 1) {
                assertTrue(inRange.get(node), "@" + graph.nodeId(node));
            }
        }
    }
}
