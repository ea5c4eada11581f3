package io.heapscope.model.analysis;

import io.heapscope.model.graph.HeapGraph;

/**
 * Which of the root's children DevTools treats as user roots. In a JS snapshot that is every non-synthetic child
 * (the {@code global} objects, which the root reaches by {@code shortcut} edges) and the synthetic
 * {@code (Document DOM trees)} node of browser snapshots.
 */
final class RootKinds {
    static final String DOCUMENT_DOM_TREES = "(Document DOM trees)";

    private final HeapGraph graph;
    private final int synthetic;

    RootKinds(HeapGraph graph) {
        this.graph = graph;
        this.synthetic = graph.nodeTypes().code("synthetic");
    }

    boolean isUserRoot(int node) {
        return graph.nodeType(node) != synthetic || isDocumentDomTreesRoot(node);
    }

    boolean isDocumentDomTreesRoot(int node) {
        return graph.nodeType(node) == synthetic && graph.nodeName(node).equals(DOCUMENT_DOM_TREES);
    }

    /** True when any child of the root is a user root; Node snapshots always have {@code global}. */
    boolean rootHasUserRoots() {
        for (int e = graph.edgeStart(0); e < graph.edgeEnd(0); e++) {
            if (isUserRoot(graph.edgeTarget(e))) {
                return true;
            }
        }
        return false;
    }
}
