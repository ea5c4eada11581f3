package io.heapscope.model.snapshot;

import io.heapscope.model.graph.HeapGraph;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotReaderTest {

    @Test
    void readsNodesEdgesAndUnsignedValues() throws IOException {
        HeapGraph graph = Snapshots.read(SyntheticSnapshot.small().json()).graph();

        assertEquals(5, graph.nodeCount());
        assertEquals(5, graph.edgeCount());
        assertEquals("synthetic", graph.nodeTypeName(0));
        assertEquals("global", graph.nodeName(2));
        assertEquals("object", graph.nodeTypeName(2));
        assertEquals(40, graph.selfSize(2));
        // Ids and sizes past 2^31 stay positive.
        assertEquals(4_000_000_001L, graph.nodeId(4));
        assertEquals(4_000_000_000L, graph.selfSize(4));
        assertEquals(4_000_000_040L, graph.totalSelfSize() - 24);

        assertEquals(0, graph.edgeStart(0));
        assertEquals(2, graph.edgeEnd(0));
        assertEquals("shortcut", graph.edgeTypeName(0));
        assertEquals("global", graph.edgeName(0));
        assertEquals(2, graph.edgeTarget(0));
        assertEquals("element", graph.edgeTypeName(1));
        assertEquals("1", graph.edgeName(1));
        assertEquals(1, graph.edgeTarget(1));
        // Edges are grouped by owner: the root's two, then (GC roots)'s one, then global's.
        assertEquals("element", graph.edgeTypeName(2));
        assertEquals(2, graph.edgeTarget(2));
        assertEquals("greeting", graph.edgeName(3));
        assertEquals(3, graph.edgeTarget(3));
    }

    @Test
    void indexesRetainersInDevToolsOrder() throws IOException {
        HeapGraph graph = Snapshots.read(SyntheticSnapshot.small().json()).graph();

        int global = 2;
        assertEquals(2, graph.retainerEnd(global) - graph.retainerStart(global));
        int first = graph.retainerStart(global);
        // DevTools fills each node's retainers from the end: the last owner comes first.
        assertEquals(1, graph.retainerNode(first), "(GC roots) first");
        assertEquals(2, graph.retainerEdge(first));
        assertEquals(0, graph.retainerNode(first + 1), "then the root's shortcut");
        assertEquals(0, graph.retainerEdge(first + 1));
        assertEquals(0, graph.retainerEnd(0) - graph.retainerStart(0), "nothing retains the root");
    }

    @Test
    void findsNodesById() throws IOException {
        HeapGraph graph = Snapshots.read(SyntheticSnapshot.small().json()).graph();

        assertEquals(4, graph.ordinalOfId(4_000_000_001L));
        assertEquals(0, graph.ordinalOfId(1));
        assertEquals(-1, graph.ordinalOfId(2));
    }

    @Test
    void findsFieldsByNameWithSixNodeFields() throws IOException {
        SyntheticSnapshot snapshot = SyntheticSnapshot.small().withoutDetachedness();
        HeapGraph graph = Snapshots.read(snapshot.json()).graph();

        assertEquals(5, graph.nodeCount());
        assertEquals("hello", graph.nodeName(3));
        assertEquals(3, graph.edgeTarget(3));
        assertEquals(0, graph.detachedness(3));
    }

    @Test
    void keepsEveryJsonEscapeSurrogateAndNul() throws IOException {
        SyntheticSnapshot snapshot = SyntheticSnapshot.small();
        String escapes = "q\"b\\s/\b\f\n\r\t";
        String lone = "lone \ud800 and \udc00";
        String pair = "emoji \ud83d\ude00";
        String nul = "nul\u0000here";
        int[] indexes = {snapshot.string(escapes), snapshot.string(lone), snapshot.string(pair),
                snapshot.string(nul)};
        String json = snapshot.json().replace("\"q\\\"b\\\\s/", "\"q\\\"b\\\\s\\/");

        HeapGraph graph = Snapshots.read(json).graph();

        assertEquals(escapes, graph.strings().get(indexes[0]));
        assertEquals(lone, graph.strings().get(indexes[1]));
        assertEquals(pair, graph.strings().get(indexes[2]));
        assertEquals(nul, graph.strings().get(indexes[3]));
    }

    @Test
    void decodesRawUtf8Strings() throws IOException {
        SyntheticSnapshot snapshot = SyntheticSnapshot.small();
        int index = snapshot.string("PLACEHOLDER");
        String json = snapshot.json().replace("PLACEHOLDER", "café ✓ \ud83d\ude00");

        HeapGraph graph = Snapshots.read(json.getBytes(StandardCharsets.UTF_8)).graph();

        assertEquals("café ✓ \ud83d\ude00", graph.strings().get(index));
    }

    @Test
    void keepsALocationsTableOfManyRowsInOrder() throws IOException {
        // More numbers than one of the table's blocks holds, split across many read buffers.
        int rows = 200_000;
        StringBuilder locations = new StringBuilder("\"locations\":[");
        for (int row = 0; row < rows; row++) {
            locations.append(row == 0 ? "" : ",").append(row * 7).append(',').append(row % 13).append(',')
                    .append(row).append(',').append(row % 80).append('\n');
        }
        String json = SyntheticSnapshot.small().json().replace("\"locations\":[]", locations.append(']'));

        FieldTable read = Snapshots.read(json).locations();

        assertEquals(rows, read.rowCount());
        for (int row = 0; row < rows; row += 997) {
            assertEquals(row * 7L, read.get(row, 0));
            assertEquals(row % 13, read.get(row, 1));
            assertEquals(row, read.get(row, read.column("line")));
            assertEquals(row % 80, read.get(row, 3));
        }
        assertEquals(rows - 1, read.get(rows - 1, 2));
    }

    @Test
    void keepsLocationsSamplesAndTraceSections() throws IOException {
        SyntheticSnapshot snapshot = SyntheticSnapshot.small();
        String json = snapshot.json()
                .replace("\"trace_function_infos\":[]", "\"trace_function_infos\":[1,2,3,4,5,6,7,8,9,10,11,12]")
                .replace("\"trace_tree\":[]", "\"trace_tree\":[1,0,0,0,[2,1,5,100,[],3,1,2,48,[4,0,1,8,[]]]]")
                .replace("\"samples\":[]", "\"samples\":[1000,7,2000,9]")
                .replace("\"locations\":[]", "\"locations\":[14,3,10,2]");

        HeapSnapshot read = Snapshots.read(json);

        assertTrue(read.hasTraceData());
        assertEquals(2, read.traceFunctionInfos().rowCount());
        assertEquals(12, read.traceFunctionInfos().get(1, read.traceFunctionInfos().column("column")));
        assertEquals(2, read.samples().rowCount());
        assertEquals(9, read.samples().get(1, 1));
        assertEquals(1, read.locations().rowCount());
        assertEquals(10, read.locations().get(0, read.locations().column("line")));

        FieldTable tree = read.traceTree();
        int parent = tree.column("children");
        assertEquals(4, tree.rowCount());
        // Pre-order: 1, its children 2 and 3, then 3's child 4.
        assertEquals(1, tree.get(0, 0));
        assertEquals(0xFFFF_FFFFL, tree.get(0, parent));
        assertEquals(2, tree.get(1, 0));
        assertEquals(100, tree.get(1, tree.column("size")));
        assertEquals(0, tree.get(1, parent));
        assertEquals(3, tree.get(2, 0));
        assertEquals(0, tree.get(2, parent));
        assertEquals(4, tree.get(3, 0));
        assertEquals(2, tree.get(3, parent));
    }

    @Test
    void readsAVeryDeepTraceTreeWithoutRecursion() throws IOException {
        int depth = 200_000;
        StringBuilder tree = new StringBuilder("[");
        for (int i = 1; i <= depth; i++) {
            tree.append(i).append(",0,1,8,[");
        }
        tree.append("]".repeat(depth + 1));
        String json = SyntheticSnapshot.small().json().replace("\"trace_tree\":[]", "\"trace_tree\":" + tree);

        FieldTable read = Snapshots.read(json).traceTree();

        assertEquals(depth, read.rowCount());
        assertEquals(depth - 2, read.get(depth - 1, read.column("children")));
    }

    @Test
    void skipsUnknownSections() throws IOException {
        String json = SyntheticSnapshot.small()
                .extraSections("\"future\":{\"a\":[1,[2,{\"b\":\"}]\\\"\"}]],\"c\":null},\"flag\":true,")
                .json();

        assertEquals(5, Snapshots.read(json).graph().nodeCount());
    }

    @Test
    void anEmptySideSectionMeansNoTraceData() throws IOException {
        HeapSnapshot read = Snapshots.read(SyntheticSnapshot.small().json());

        assertFalse(read.hasTraceData());
        assertFalse(read.hasLocations());
        assertFalse(read.graph().hasTraceNodeIds());
    }

    @Test
    void gzipIsRecognisedByItsMagicBytes() throws IOException {
        byte[] plain = SyntheticSnapshot.small().json().getBytes(StandardCharsets.UTF_8);

        HeapGraph fromPlain = Snapshots.read(plain).graph();
        HeapGraph fromGzip = Snapshots.read(Snapshots.gzip(plain)).graph();

        Snapshots.assertSameGraph(fromPlain, fromGzip);
    }
}
