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
