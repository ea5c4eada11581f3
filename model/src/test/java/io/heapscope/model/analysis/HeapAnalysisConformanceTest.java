package io.heapscope.model.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.HeapSnapshot;
import io.heapscope.model.snapshot.SnapshotReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every node of every committed sample against DevTools' own numbers (the oracle's reference files). */
class HeapAnalysisConformanceTest {

    static List<String> samples() {
        return OracleReference.SAMPLES;
    }

    private static HeapAnalysis analyze(String sample) throws IOException {
        HeapSnapshot snapshot = SnapshotReader.read(OracleReference.snapshotFile(sample), ProgressMonitor.none());
        return HeapAnalysis.analyze(snapshot, ProgressMonitor.none());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyNodesShallowRetainedDistanceAndDominatorEqualDevTools(String sample) throws IOException {
        HeapAnalysis analysis = analyze(sample);
        OracleReference reference = OracleReference.load(sample);
        HeapGraph graph = analysis.graph();

        int mismatches = 0;
        StringBuilder first = new StringBuilder();
        for (int n = 0; n < graph.nodeCount(); n++) {
            boolean same = reference.shallowSize(n) == analysis.shallowSize(n)
                    && reference.retainedSize(n) == analysis.retainedSize(n)
                    && reference.distance(n) == analysis.distance(n)
                    && reference.dominatorId(n) == graph.nodeId(analysis.dominator(n));
            if (!same && mismatches++ < 5) {
                first.append(String.format("%n  @%d: shallow %d/%d retained %d/%d distance %d/%d dominator @%d/@%d",
                        graph.nodeId(n), reference.shallowSize(n), analysis.shallowSize(n),
                        reference.retainedSize(n), analysis.retainedSize(n), reference.distance(n),
                        analysis.distance(n), reference.dominatorId(n), graph.nodeId(analysis.dominator(n))));
            }
        }
        assertEquals(0, mismatches, () -> sample + ": nodes differing from DevTools (DevTools/ours):" + first);
        assertEquals(reference.summary().rootRetainedSize(), analysis.retainedSize(0));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void retainerPathsEqualDevToolsHopByHop(String sample) throws IOException {
        HeapAnalysis analysis = analyze(sample);
        HeapGraph graph = analysis.graph();
        Retainers retainers = new Retainers(analysis);
        JsonNode paths;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                OracleReference.ORACLE_DIR.resolve(sample + ".paths.json.gz")))) {
            paths = new ObjectMapper().readTree(in);
        }
        assertFalse(paths.isEmpty(), "the reference lists paths");

        for (JsonNode expected : paths) {
            int node = graph.ordinalOfId(expected.get("id").asLong());
            List<Retainers.Hop> path = retainers.shortestPath(node);
            JsonNode hops = expected.get("path");
            assertEquals(hops.size(), path.size(), () -> sample + ": hops to @" + expected.get("id"));
            for (int i = 0; i < hops.size(); i++) {
                JsonNode hop = hops.get(i);
                Retainers.Hop ours = path.get(i);
                String where = sample + ", path to @" + expected.get("id") + ", hop " + i;
                assertEquals(hop.get("node_id").asLong(), graph.nodeId(ours.node()), where);
                assertEquals(hop.get("distance").asInt(), analysis.distance(ours.node()), where);
                if (i > 0) {
                    assertEquals(hop.get("edge_type").asText(), graph.edgeTypeName(ours.edge()), where);
                    assertEquals(hop.get("edge_name").asText(), graph.edgeName(ours.edge()), where);
                }
            }
        }
    }
}
