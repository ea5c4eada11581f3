package io.heapscope.app.cli;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.graph.HeapGraph;

/** How the command line shows DevTools' numbers; objects and edges are named by {@link io.heapscope.model.format.HeapText}. */
final class NodeText {
    private NodeText() {
    }

    /** A distance as DevTools shows it: objects only the GC roots reach have none ("-"). */
    static String distance(HeapAnalysis analysis, int node) {
        int distance = analysis.distance(node);
        return distance < 0 || distance >= io.heapscope.model.analysis.NodeMeasures.BASE_SYSTEM_DISTANCE
                ? "-" : Integer.toString(distance);
    }
}
