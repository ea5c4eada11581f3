package io.heapscope.app.cli;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.graph.HeapGraph;

/** How the command line names objects and edges: as DevTools does, {@code Name @id} and {@code edge in Name @id}. */
final class NodeText {
    private static final int MAX_NAME = 80;

    private NodeText() {
    }

    /** {@code name @id}, the name cut to a readable length (names of strings can be megabytes). */
    static String node(HeapGraph graph, int node) {
        String name = graph.nodeName(node);
        if (node == 0) {
            name = "(root)";
        } else if (name.isEmpty()) {
            name = "(" + graph.nodeTypeName(node) + ")";
        }
        return oneLine(name) + " @" + graph.nodeId(node);
    }

    /** The edge as DevTools writes it: {@code [3]} for elements, the property name otherwise. */
    static String edge(HeapGraph graph, int edge) {
        String name = graph.edgeName(edge);
        return graph.edgeTypeName(edge).equals("element") ? "[" + name + "]" : oneLine(name);
    }

    /** A distance as DevTools shows it: objects only the GC roots reach have none ("-"). */
    static String distance(HeapAnalysis analysis, int node) {
        int distance = analysis.distance(node);
        return distance < 0 || distance >= io.heapscope.model.analysis.NodeMeasures.BASE_SYSTEM_DISTANCE
                ? "-" : Integer.toString(distance);
    }

    private static String oneLine(String text) {
        String line = text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return line.length() <= MAX_NAME ? line : line.substring(0, MAX_NAME) + "…";
    }
}
