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
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EssentialRetainersTest {
    private static final ProgressMonitor NONE = ProgressMonitor.none();

    /**
     * Each vertex's owners by number, in three bytes or in ints: the owners of its essential edges, numbered as the
     * vertices are. The numbering here is a shuffle, not a search's, so nothing rests on the order of either.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyNumberListsTheNumbersOfTheOwnersOfItsEssentialEdges(boolean narrow) throws IOException {
        HeapGraph graph = SnapshotReader.read(OracleReference.snapshotFile("tiny"), NONE).graph();
        RootKinds roots = new RootKinds(graph);
        BitSet pageOwned = PageOwnership.mark(graph, roots, NONE);
        WeakMapEdgeNames names = WeakMapEdgeNames.of(graph.strings(), NONE);
        EssentialEdges.Selection all = EssentialEdges.select(graph, pageOwned, names, 0, graph.nodeCount(), NONE);
        int count = graph.nodeCount();
        List<Integer> numbers = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            numbers.add(number);
        }
        Collections.shuffle(numbers, new Random(20261122));
        int[] preorder = new int[count + 1];
        int[] vertex = new int[count + 1];
        for (int v = 1; v <= count; v++) {
            preorder[v] = numbers.get(v - 1);
            vertex[preorder[v]] = v;
        }

        EssentialRetainers retainers = EssentialRetainers.inPreorder(graph, all.edges(), all.targetCounts(),
                preorder, vertex, NONE, 0, narrow);

        List<List<Integer>> expected = new ArrayList<>();
        for (int number = 0; number <= count; number++) {
            expected.add(new ArrayList<>());
        }
        for (int n = 0; n < count; n++) {
            for (int e = graph.edgeStart(n); e < graph.edgeEnd(n); e++) {
                if (all.edges().get(e)) {
                    expected.get(preorder[graph.edgeTarget(e) + 1]).add(preorder[n + 1] - 1);
                }
            }
        }
        int owners = 0;
        for (int number = 1; number <= count; number++) {
            List<Integer> actual = new ArrayList<>();
            for (int slot = retainers.start(number); slot < retainers.end(number); slot++) {
                actual.add(retainers.owner(slot));
            }
            Collections.sort(actual);
            Collections.sort(expected.get(number));
            assertEquals(expected.get(number), actual, "owners of number " + number);
            owners += actual.size();
        }
        assertTrue(owners > 10_000, "a real snapshot's worth of owners: " + owners);
    }
}
