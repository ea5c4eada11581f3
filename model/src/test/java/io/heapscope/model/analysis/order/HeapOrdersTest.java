package io.heapscope.model.analysis.order;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heapscope.model.analysis.DominatedNodes;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.classes.ClassNames;
import io.heapscope.model.analysis.classes.ClassRow;
import io.heapscope.model.analysis.classes.ClassSummary;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.SnapshotReader;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Class, object and edge orders of the views, on a real sample, checked against plain comparators. */
class HeapOrdersTest {
    private static HeapAnalysis analysis;
    private static HeapGraph graph;
    private static ClassSummary summary;

    @BeforeAll
    static void load() throws Exception {
        Path file = Path.of("..", "samples", "snapshots", "cjs-hot-reload-leak.heapsnapshot.gz");
        analysis = HeapAnalysis.analyze(SnapshotReader.read(file, ProgressMonitor.none()), ProgressMonitor.none());
        graph = analysis.graph();
        summary = ClassSummary.compute(ClassNames.compute(analysis.snapshot(), ProgressMonitor.none()), analysis,
                ProgressMonitor.none());
    }

    @Test
    void lazilySortedInstancesAndEdgesEqualTheFullStableSortForEveryColumn() {
        // The biggest class of the sample (strings, 32,446): big enough to be sorted a chunk at a time.
        int biggest = 0;
        for (int row = 1; row < summary.rowCount(); row++) {
            if (summary.instanceCount(row) > summary.instanceCount(biggest)) {
                biggest = row;
            }
        }
        assertTrue(summary.instanceCount(biggest) > 10 * LazySortedInts.CHUNK);
        int node = 0;
        for (int candidate = 0; candidate < graph.nodeCount(); candidate++) {
            if (EdgeOrder.visible(graph, candidate).length > EdgeOrder.visible(graph, node).length) {
                node = candidate;
            }
        }
        for (SortKey key : SortKey.values()) {
            for (boolean ascending : new boolean[] {true, false}) {
                int[] instances = summary.instances(biggest, 0, summary.instanceCount(biggest));
                IntSort.IntComparator byColumn = NodeOrder.comparator(graph, analysis, key, ascending);
                int[] full = instances.clone();
                IntSort.sort(full, byColumn);
                LazySortedInts lazy = NodeOrder.lazy(instances.clone(), graph, analysis, key, ascending);
                // Where a value ranks is known before anything is sorted, and matches the full sort.
                assertEquals(1234, lazy.positionOf(full[1234]), key + " " + ascending);
                // The root is no instance of the class.
                assertEquals(-1, lazy.positionOf(0));
                assertEquals(full[0], lazy.get(0), key + " " + ascending);
                assertTrue(lazy.sortedCount() < full.length / 10, "the first page sorts only a chunk");
                int[] read = IntStream.range(0, full.length).map(lazy::get).toArray();
                assertArrayEquals(full, read, key + " " + ascending);
                assertEquals(full.length - 7, lazy.positionOf(full[full.length - 7]));

                int[] edges = EdgeOrder.edges(graph, analysis, node, key, ascending);
                LazySortedInts lazyEdges = EdgeOrder.lazy(graph, analysis, node, key, ascending);
                assertArrayEquals(edges, IntStream.range(0, edges.length).map(lazyEdges::get).toArray());
            }
        }
    }

    @Test
    void lazySortReadInAnyOrderWithManyTies() {
        java.util.Random random = new java.util.Random(42);
        int[] values = IntStream.range(0, 20_000).toArray();
        int[] keys = random.ints(values.length, 0, 7).toArray();
        IntSort.IntComparator byKey = (a, b) -> Integer.compare(keys[a], keys[b]);
        int[] full = values.clone();
        IntSort.sort(full, byKey);
        LazySortedInts lazy = new LazySortedInts(values.clone(), byKey);
        for (int i : new int[] {15_000, 3, 2_500, 19_999, 0, 9_000}) {
            assertEquals(full[i], lazy.get(i), "index " + i);
            assertEquals(i, lazy.positionOf(full[i]));
        }
    }

    @Test
    void classRowsSortByEveryColumnAndFilterByName() {
        int[] byRetained = ClassOrder.rows(summary, SortKey.RETAINED_SIZE, false, null);
        // The summary's own order is DevTools' default: retained size descending.
        assertArrayEquals(IntStream.range(0, summary.rowCount()).toArray(), byRetained);

        int[] byCount = ClassOrder.rows(summary, SortKey.COUNT, false, "");
        for (int i = 1; i < byCount.length; i++) {
            assertTrue(summary.row(byCount[i - 1]).count() >= summary.row(byCount[i]).count());
        }
        int[] byName = ClassOrder.rows(summary, SortKey.NAME, true, null);
        List<String> names = IntStream.of(byName).mapToObj(row -> summary.row(row).name()).toList();
        assertEquals(names.stream().sorted().toList(), names);
        int[] byDistance = ClassOrder.rows(summary, SortKey.DISTANCE, true, null);
        for (int i = 1; i < byDistance.length; i++) {
            assertTrue(summary.row(byDistance[i - 1]).minDistance() <= summary.row(byDistance[i]).minDistance());
        }

        int[] modules = ClassOrder.rows(summary, SortKey.SHALLOW_SIZE, false, "MODULE");
        assertTrue(modules.length > 0);
        for (int row : modules) {
            assertTrue(summary.row(row).name().toLowerCase().contains("module"), summary.row(row).name());
        }
        assertEquals(summary.rows().stream().filter(r -> r.name().toLowerCase().contains("module")).count(),
                modules.length);
    }

    @Test
    void instancesSortByRetainedSizeThenId() {
        int row = biggestClass();
        int[] instances = summary.instances(row, 0, summary.instanceCount(row));

        int[] sorted = NodeOrder.sorted(instances, graph, analysis, SortKey.RETAINED_SIZE, false);

        List<Integer> expected = IntStream.of(instances).boxed().sorted(Comparator
                .comparingLong((Integer n) -> analysis.retainedSize(n)).reversed()
                .thenComparingLong(graph::nodeId)).toList();
        assertEquals(expected, IntStream.of(sorted).boxed().toList());
        // The model's own array is not touched.
        assertArrayEquals(summary.instances(row, 0, summary.instanceCount(row)), instances);
        assertArrayEquals(IntStream.of(instances).boxed().sorted(Comparator.comparingLong(graph::nodeId))
                .mapToInt(Integer::intValue).toArray(), NodeOrder.sorted(instances, graph, analysis, SortKey.NAME, true));
    }

    @Test
    void edgesLeaveOutInvisibleOnesAndSortNamesBeforeIndexes() {
        int invisible = graph.edgeTypes().code("invisible");
        int node = IntStream.range(0, graph.nodeCount())
                .filter(n -> IntStream.range(graph.edgeStart(n), graph.edgeEnd(n)).anyMatch(graph::edgeHasIndexName)
                        && IntStream.range(graph.edgeStart(n), graph.edgeEnd(n)).anyMatch(e -> !graph.edgeHasIndexName(e)))
                .findFirst().orElseThrow();

        int[] byName = EdgeOrder.edges(graph, analysis, node, SortKey.NAME, true);

        long visible = IntStream.range(graph.edgeStart(node), graph.edgeEnd(node))
                .filter(e -> graph.edgeType(e) != invisible).count();
        assertEquals(visible, byName.length);
        boolean seenIndex = false;
        for (int i = 0; i < byName.length; i++) {
            boolean index = graph.edgeHasIndexName(byName[i]);
            assertTrue(index || !seenIndex || "__proto__".equals(graph.edgeName(byName[i])), "a name after an index");
            seenIndex |= index;
            if (i > 0 && index && graph.edgeHasIndexName(byName[i - 1])) {
                assertTrue(graph.edgeNameOrIndex(byName[i - 1]) <= graph.edgeNameOrIndex(byName[i]));
            }
        }

        int[] byRetained = EdgeOrder.edges(graph, analysis, node, SortKey.RETAINED_SIZE, false);
        for (int i = 1; i < byRetained.length; i++) {
            assertTrue(analysis.retainedSize(graph.edgeTarget(byRetained[i - 1]))
                    >= analysis.retainedSize(graph.edgeTarget(byRetained[i])));
        }
    }

    @Test
    void theDominatorTreesChildrenComeAsACopyForTheViewToSort() {
        DominatedNodes tree = analysis.dominated();
        int[] children = tree.children(0);

        assertEquals(tree.end(0) - tree.start(0), children.length);
        for (int child : children) {
            assertEquals(0, analysis.dominator(child));
        }
        int[] sorted = NodeOrder.sorted(children, graph, analysis, SortKey.RETAINED_SIZE, false);
        for (int i = 1; i < sorted.length; i++) {
            assertTrue(analysis.retainedSize(sorted[i - 1]) >= analysis.retainedSize(sorted[i]));
        }
        assertArrayEquals(tree.children(0), children);
    }

    private static int biggestClass() {
        int best = 0;
        for (int row = 0; row < summary.rowCount(); row++) {
            ClassRow candidate = summary.row(row);
            if (candidate.count() > summary.row(best).count()) {
                best = row;
            }
        }
        return best;
    }
}
