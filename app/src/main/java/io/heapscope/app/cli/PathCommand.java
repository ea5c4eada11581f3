package io.heapscope.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.heapscope.model.format.HeapText;
import io.heapscope.model.analysis.Retainers;
import io.heapscope.model.graph.HeapGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code heapscope path FILE --id ID}: the shortest chain of retainers from the root to an object. */
@Command(name = "path", description = "The shortest retainer path from the root to an object.")
final class PathCommand implements Callable<Integer> {

    enum Format { text, json }

    @Mixin
    SnapshotFile input;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "The object, e.g. @12345.")
    String id;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LoadedSnapshot loaded = LoadedSnapshot.analyze(input.path);
        int node = loaded.ordinalOf(id, spec);
        List<Retainers.Hop> path = new Retainers(loaded.analysis).shortestPath(node);
        HeapGraph graph = loaded.snapshot.graph();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            try (JsonGenerator json = JsonOutput.open(out)) {
                json.writeStartObject();
                json.writeNumberField("id", graph.nodeId(node));
                json.writeBooleanField("reachable", !path.isEmpty());
                json.writeArrayFieldStart("path");
                for (Retainers.Hop hop : path) {
                    json.writeStartObject();
                    json.writeStringField("edge_name", hop.edge() < 0 ? null : graph.edgeName(hop.edge()));
                    json.writeStringField("edge_type", hop.edge() < 0 ? null : graph.edgeTypeName(hop.edge()));
                    json.writeStringField("node_name", graph.nodeName(hop.node()));
                    json.writeStringField("node_type", graph.nodeTypeName(hop.node()));
                    json.writeNumberField("node_id", graph.nodeId(hop.node()));
                    json.writeNumberField("distance", loaded.analysis.distance(hop.node()));
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            } else if (path.isEmpty()) {
            out.println(HeapText.node(graph, node) + " is not reachable from the root (DevTools gives it no distance)");
        } else {
            for (Retainers.Hop hop : path) {
                String via = hop.edge() < 0 ? "" : "--" + graph.edgeTypeName(hop.edge()) + " "
                        + HeapText.edge(graph, hop.edge()) + "--> ";
                out.printf("%s%s (%s)  distance %s%n", via, HeapText.node(graph, hop.node()),
                        graph.nodeTypeName(hop.node()), NodeText.distance(loaded.analysis, hop.node()));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
