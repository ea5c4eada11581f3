package io.heapscope.model.analysis.diff;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.OracleReference;
import io.heapscope.model.analysis.classes.ClassNames;
import io.heapscope.model.progress.CancellableProgress;
import io.heapscope.model.progress.CancelledException;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.HeapSnapshot;
import io.heapscope.model.snapshot.SnapshotReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The Comparison view against DevTools' own (the oracle's diff.tsv of committed sample pairs), and its drill-down. */
class SnapshotComparisonTest {

    /** A sample read and analysed once for all tests, with its own classes. */
    record Loaded(HeapSnapshot snapshot, HeapAnalysis analysis, ClassNames classes) {
        private static final Map<String, Loaded> CACHE = new HashMap<>();

        static synchronized Loaded of(String sample) {
            return CACHE.computeIfAbsent(sample, name -> {
                try {
                    HeapSnapshot snapshot = SnapshotReader.read(OracleReference.snapshotFile(name),
                            ProgressMonitor.none());
                    HeapAnalysis analysis = HeapAnalysis.analyze(snapshot, ProgressMonitor.none());
                    return new Loaded(snapshot, analysis, ClassNames.compute(snapshot, ProgressMonitor.none()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        long countedObjects() {
            long count = 0;
            for (int node = 0; node < snapshot.graph().nodeCount(); node++) {
                count += analysis.shallowSize(node) > 0 ? 1 : 0;
            }
            return count;
        }
    }

    static SnapshotComparison compare(String base, String target, ProgressMonitor monitor) {
        Loaded b = Loaded.of(base);
        Loaded t = Loaded.of(target);
        return SnapshotComparison.compute(b.snapshot(), b.analysis(), t.snapshot(), t.analysis(), t.classes(),
                monitor);
    }

    static SnapshotComparison compare(DiffReference reference) {
        return compare(reference.base(), reference.target(), ProgressMonitor.none());
    }

    @ParameterizedTest
    @FieldSource("io.heapscope.model.analysis.diff.DiffReference#ALL")
    void everyRowEqualsDevToolsInOrder(DiffReference reference) throws IOException {
        List<DiffRow> expected = reference.rows();
        List<DiffRow> actual = compare(reference).rows().stream().map(DiffReference::cutLikeOracle).toList();

        for (int row = 0; row < Math.min(expected.size(), actual.size()); row++) {
            if (!expected.get(row).equals(actual.get(row))) {
                fail(reference + ", row " + row + ":\n expected " + expected.get(row) + "\n actual   "
                        + actual.get(row));
            }
        }
        assertEquals(expected.size(), actual.size(), reference + ": rows");
    }

    @ParameterizedTest
    @FieldSource("io.heapscope.model.analysis.diff.DiffReference#ALL")
    void deltaCountsAddUpToTheChangeInCountedObjects(DiffReference reference) {
        long sum = compare(reference).rows().stream().mapToLong(DiffRow::deltaCount).sum();

        assertEquals(Loaded.of(reference.target()).countedObjects() - Loaded.of(reference.base()).countedObjects(),
                sum, reference.toString());
    }

    @ParameterizedTest
    @FieldSource("io.heapscope.model.analysis.diff.DiffReference#ALL")
    void drillDownGivesEachRowsObjects(DiffReference reference) {
        Loaded base = Loaded.of(reference.base());
        Loaded target = Loaded.of(reference.target());
        // The base as the comparison sees it: named with the target's interface definitions.
        ClassNames baseClasses = ClassNames.compute(base.snapshot(), target.classes().interfaceDefinitions(),
                ProgressMonitor.none());
        SnapshotComparison comparison = compare(reference);

        for (int row = 0; row < comparison.rowCount(); row++) {
            DiffRow r = comparison.row(row);
            int[] created = comparison.newObjects(row, 0, r.newCount());
            int[] deleted = comparison.deletedObjects(row, 0, r.deletedCount());
            assertEquals(r.allocSize(), objectsOfKey(created, r.classKey(), target, target.classes()), r.classKey());
            assertEquals(r.freedSize(), objectsOfKey(deleted, r.classKey(), base, baseClasses), r.classKey());
            assertEquals(row, comparison.rowOfKey(r.classKey()));
            if (r.newCount() > 1) {
                assertArrayEquals(new int[]{created[1]}, comparison.newObjects(row, 1, 2));
            }
        }
        assertThrows(IndexOutOfBoundsException.class,
                () -> comparison.newObjects(0, 0, comparison.row(0).newCount() + 1));
    }

    /** Checks that the objects are of the key, by ascending id, and returns their shallow size sum. */
    private static long objectsOfKey(int[] objects, String key, Loaded side, ClassNames classes) {
        long size = 0;
        long previousId = -1;
        for (int node : objects) {
            assertEquals(key, classes.key(classes.classOf(node)));
            long id = side.snapshot().graph().nodeId(node);
            assertTrue(id > previousId, "ascending ids in " + key);
            previousId = id;
            size += side.analysis().shallowSize(node);
        }
        return size;
    }

    @Test
    void pairShowsWhatTheScriptAllocatedAndFreed() {
        SnapshotComparison comparison = compare(DiffReference.ALL.get(0));

        DiffRow invoices = comparison.row(0);
        assertEquals("Invoice", invoices.className());
        assertEquals(1000, invoices.newCount());
        assertEquals(0, invoices.deletedCount());
        // pair-before's 400 {alpha, beta} objects are gone; pair-after has no such definition, so they are Objects.
        DiffRow objects = comparison.row(comparison.rowOfKey(",Object"));
        assertTrue(objects.deletedCount() >= 400, objects.toString());
        assertEquals(-1, comparison.rowOfKey(",{alpha, beta}"));
    }

    @Test
    void aSnapshotComparedWithItselfHasNoRows() {
        assertEquals(0, compare("pair-after", "pair-after", ProgressMonitor.none()).rowCount());
    }

    @Test
    void stopsWhenCancelledInEitherPhase() {
        for (String phase : List.of(ClassNames.PHASE, SnapshotComparison.PHASE)) {
            CancellableProgress cancelInPhase = new CancellableProgress() {
                @Override
                public void beginPhase(String name, long totalWork) {
                    if (name.equals(phase)) {
                        cancel();
                    }
                }
            };
            assertThrows(CancelledException.class, () -> compare("pair-before", "pair-after", cancelInPhase), phase);
        }
    }
}
