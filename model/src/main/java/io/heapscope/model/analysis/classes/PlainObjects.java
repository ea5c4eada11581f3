package io.heapscope.model.analysis.classes;

import io.heapscope.model.analysis.NameIndexes;
import io.heapscope.model.graph.HeapGraph;

/**
 * DevTools' {@code isPlainJSObject}: type {@code object} and raw name {@code Object}. Tested on the name's string
 * index, as the loops that ask it go over every node.
 */
final class PlainObjects {
    private final HeapGraph graph;
    private final int objectType;
    private final NameIndexes objectNames;

    PlainObjects(HeapGraph graph) {
        this.graph = graph;
        this.objectType = graph.nodeTypes().code("object");
        this.objectNames = new NameIndexes(graph.strings(), "Object");
    }

    boolean test(int node) {
        return graph.nodeType(node) == objectType && objectNames.matches(graph.nodeNameIndex(node));
    }
}
