package io.heapscope.model.analysis;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.SnapshotReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EssentialRetainersTest {
    private static final ProgressMonitor NONE = ProgressMonitor.none();

    /** Each node's owners, from both halves, in three bytes or in ints: the owners of its essential edges. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyNodeListsTheOwnersOfItsEssentialEdges(boolean narrow) throws IOException {
        HeapGraph graph = SnapshotReader.read(OracleReference.snapshotFile("tiny"), NONE).graph();
        RootKinds roots = new RootKinds(graph);
        BitSet pageOwned = PageOwnership.mark(graph, roots, NONE);
        WeakMapEdgeNames names = WeakMapEdgeNames.of(graph.strings(), NONE);
        int middle = EssentialEdges.middleNode(graph);
        EssentialEdges.Selection first = EssentialEdges.select(graph, pageOwned, names, 0, middle, NONE);
        EssentialEdges.Selection second = EssentialEdges.select(graph, pageOwned, names, middle, graph.nodeCount(),
                NONE);
        BitSet essential = (BitSet) first.edges().clone();
        essential.or(second.edges());

        EssentialRetainers retainers = EssentialRetainers.layOut(first, second, NONE, narrow);
        retainers.fill(graph, first, NONE);
        retainers.fill(graph, second, NONE);

        List<List<Integer>> expected = new ArrayList<>();
        for (int n = 0; n < graph.nodeCount(); n++) {
            expected.add(new ArrayList<>());
        }
        for (int n = 0; n < graph.nodeCount(); n++) {
            for (int e = graph.edgeStart(n); e < graph.edgeEnd(n); e++) {
                if (essential.get(e)) {
                    expected.get(graph.edgeTarget(e)).add(n);
                }
            }
        }
        int owners = 0;
        for (int n = 0; n < graph.nodeCount(); n++) {
            List<Integer> actual = new ArrayList<>();
            for (int slot = retainers.start(n); slot < retainers.end(n); slot++) {
                actual.add(retainers.owner(slot));
            }
            Collections.sort(actual);
            assertEquals(expected.get(n), actual, "owners of node " + n);
            owners += actual.size();
        }
        assertTrue(owners > 10_000, "a real snapshot's worth of owners: " + owners);
    }
}
