package io.heapscope.model.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed Node 20 snapshots, read from their .gz files, against an independent JSON parse. */
class RealSnapshotTest {

    @ParameterizedTest
    @ValueSource(strings = {"tiny", "cjs-hot-reload-leak", "cjs-hot-reload-fixed", "vm-modules-leak",
            "trace-alloc", "pair-before", "pair-after", "listeners-leak", "global-array-leak", "inspector-snapshot",
            "browser-page"})
    void countsEqualTheHeaderAndGzipEqualsPlain(String name) throws IOException {
        Path file = Snapshots.SAMPLES.resolve(name + ".heapsnapshot.gz");
        byte[] text = Snapshots.gunzip(file);
        JsonNode header = new ObjectMapper().readTree(headerOf(text));

        HeapSnapshot fromGzip = SnapshotReader.read(file, ProgressMonitor.none());
        HeapSnapshot fromPlain = Snapshots.read(text);

        assertEquals(header.get("node_count").asLong(), fromGzip.graph().nodeCount());
        assertEquals(header.get("edge_count").asLong(), fromGzip.graph().edgeCount());
        assertEquals(header.get("meta").get("node_fields").size(), fromGzip.header().meta().nodeFields().size());
        assertTrue(fromGzip.hasLocations(), "Node 20 writes constructor locations");
        Snapshots.assertSameGraph(fromPlain.graph(), fromGzip.graph());
    }

    /** The {@code "snapshot"} object: V8 writes it first, as one line. */
    private static String headerOf(byte[] text) {
        String start = new String(text, 0, Math.min(text.length, 8192), java.nio.charset.StandardCharsets.UTF_8);
        int open = start.indexOf('{', 1);
        int depth = 0;
        for (int i = open; ; i++) {
            char c = start.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 0) {
                return start.substring(open, i + 1);
            }
        }
    }

    @Test
    void everyNodeEdgeAndStringMatchesAnIndependentParse() throws IOException {
        Path file = Snapshots.SAMPLES.resolve("tiny.heapsnapshot.gz");
        JsonNode json = new ObjectMapper().readTree(Snapshots.gunzip(file));
        HeapSnapshot snapshot = SnapshotReader.read(file, ProgressMonitor.none());
        HeapGraph graph = snapshot.graph();

        JsonNode meta = json.get("snapshot").get("meta");
        int nodeWidth = meta.get("node_fields").size();
        int edgeWidth = meta.get("edge_fields").size();
        JsonNode nodes = json.get("nodes");
        JsonNode edges = json.get("edges");
        JsonNode strings = json.get("strings");
        JsonNode nodeTypes = meta.get("node_types").get(0);
        JsonNode edgeTypes = meta.get("edge_types").get(0);
        assertEquals(nodes.size() / nodeWidth, graph.nodeCount());
        assertEquals(edges.size() / edgeWidth, graph.edgeCount());

        int edge = 0;
        for (int n = 0; n < graph.nodeCount(); n++) {
            int at = n * nodeWidth;
            assertEquals(nodeTypes.get(nodes.get(at).asInt()).asText(), graph.nodeTypeName(n), "type of " + n);
            assertEquals(strings.get(nodes.get(at + 1).asInt()).asText(), graph.nodeName(n), "name of " + n);
            assertEquals(nodes.get(at + 2).asLong(), graph.nodeId(n), "id of " + n);
            assertEquals(nodes.get(at + 3).asLong(), graph.selfSize(n), "self size of " + n);
            int edgeCount = nodes.get(at + 4).asInt();
            assertEquals(edgeCount, graph.edgeEnd(n) - graph.edgeStart(n), "edge count of " + n);
            for (int k = 0; k < edgeCount; k++, edge++) {
                int e = edge * edgeWidth;
                String type = edgeTypes.get(edges.get(e).asInt()).asText();
                assertEquals(type, graph.edgeTypeName(edge));
                JsonNode nameOrIndex = edges.get(e + 1);
                String name = type.equals("element") || type.equals("hidden")
                        ? nameOrIndex.asText() : strings.get(nameOrIndex.asInt()).asText();
                assertEquals(name, graph.edgeName(edge), "name of edge " + edge);
                assertEquals(edges.get(e + 2).asInt() / nodeWidth, graph.edgeTarget(edge), "target of " + edge);
            }
        }
        for (int i = 0; i < strings.size(); i++) {
            assertEquals(strings.get(i).asText(), graph.strings().get(i), "string " + i);
        }
        JsonNode locations = json.get("locations");
        FieldTable table = snapshot.locations();
        assertEquals(locations.size() / 4, table.rowCount());
        for (int i = 0; i < locations.size(); i++) {
            assertEquals(locations.get(i).asLong(), table.get(i / 4, i % 4), "locations[" + i + "]");
        }
    }

    @Test
    void allocationTrackingDataIsKept() throws IOException {
        HeapSnapshot snapshot = SnapshotReader.read(Snapshots.SAMPLES.resolve("trace-alloc.heapsnapshot.gz"),
                ProgressMonitor.none());

        assertTrue(snapshot.hasTraceData());
        assertTrue(snapshot.traceTree().rowCount() > 10, "trace tree rows: " + snapshot.traceTree().rowCount());
        assertTrue(snapshot.traceFunctionInfos().rowCount() > 10);
        assertTrue(snapshot.graph().hasTraceNodeIds());
        // Every trace node's function index points into trace_function_infos.
        int function = snapshot.traceTree().column("function_info_index");
        for (int row = 0; row < snapshot.traceTree().rowCount(); row++) {
            assertTrue(snapshot.traceTree().get(row, function) < snapshot.traceFunctionInfos().rowCount());
        }
    }
}
