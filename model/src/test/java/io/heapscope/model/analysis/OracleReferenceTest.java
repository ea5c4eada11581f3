package io.heapscope.model.analysis;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.SnapshotReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed oracle references fit the committed snapshots: regenerating one without the other (see
 * samples/README.md) fails here, before it shows up as thousands of wrong numbers in the analysis tests.
 */
class OracleReferenceTest {

    static List<String> samples() {
        return OracleReference.SAMPLES;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void oneRowPerNodeWithTheGraphsIds(String sample) throws IOException {
        HeapGraph graph = SnapshotReader.read(OracleReference.snapshotFile(sample), ProgressMonitor.none()).graph();
        OracleReference reference = OracleReference.load(sample);

        assertEquals(graph.nodeCount(), reference.nodeCount(), "rows");
        for (int n = 0; n < graph.nodeCount(); n++) {
            if (graph.nodeId(n) != reference.id(n)) {
                assertEquals(graph.nodeId(n), reference.id(n), "id of node " + n);
            }
        }
        assertEquals(graph.edgeCount(), reference.summary().edgeCount(), "edges");
        assertEquals(graph.totalSelfSize(), reference.summary().totalSelfSize(), "total self size");
    }

    @Test
    void measuresOfTinyAreDevToolsNumbersByOrdinal() throws IOException {
        HeapGraph graph = SnapshotReader.read(OracleReference.snapshotFile("tiny"), ProgressMonitor.none()).graph();
        OracleReference reference = OracleReference.load("tiny");

        NodeMeasures measures = reference.asMeasures(graph);
        int[] dominators = reference.dominatorOrdinals();

        // The root dominates itself and, since DevTools hangs unreachable nodes under it, retains everything.
        assertEquals(0, measures.dominator(0));
        assertEquals(reference.summary().rootRetainedSize(), measures.retainedSize(0));
        assertEquals(graph.totalSelfSize(), measures.retainedSize(0));
        assertEquals(NodeMeasures.BASE_SYSTEM_DISTANCE, measures.distance(0), "Node snapshots have a user root");
        long shallowTotal = 0;
        for (int n = 0; n < graph.nodeCount(); n++) {
            assertEquals(dominators[n], measures.dominator(n), "dominator of node " + n);
            shallowTotal += measures.shallowSize(n);
        }
        assertEquals(graph.totalSelfSize(), shallowTotal, "DevTools only moves sizes between nodes");
    }

    @Test
    void classRowsAndSummaryOfTiny() throws IOException {
        OracleReference reference = OracleReference.load("tiny");

        OracleReference.ClassRow first = reference.classes().get(0);
        assertEquals(",global", first.classKey());
        assertEquals("global", first.className());
        assertEquals(2, first.count());
        assertEquals(8448, first.shallowSizeSum());
        assertEquals(2_414_355, first.retainedSizeSum());
        assertEquals(1, first.minDistance());
        assertEquals(166, reference.classes().size());
        assertEquals(2_931_142, reference.summary().statistics().total());
        assertEquals(816_560, reference.summary().statistics().code());
        assertTrue(reference.summary().problemReports().isEmpty());
    }

    @Test
    void vmModulesLeakReportsItsUnreachableNodes() throws IOException {
        OracleReference.Summary summary = OracleReference.load("vm-modules-leak").summary();

        assertEquals(0, summary.nodesWithNoDistance());
        assertTrue(summary.problemReports().get(0).contains("25016 nodes are unreachable from the root"),
                summary.problemReports().toString());
    }

    @Test
    void unescapesAndCutsLikeTheOracle() {
        assertEquals("a\tb\nc\rd\\e", OracleReference.unescape("a\\tb\\nc\\rd\\\\e"));
        assertEquals("\\t", OracleReference.unescape("\\\\t"));
        String longName = "x".repeat(250);
        assertEquals("x".repeat(200) + "…", OracleReference.cutLikeNodes(longName));
        assertEquals(longName, OracleReference.cutLikeClasses(longName));
    }
}
