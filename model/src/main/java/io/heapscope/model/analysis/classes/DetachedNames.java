package io.heapscope.model.analysis.classes;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;

/**
 * DevTools' {@code propagateDOMState}: which native nodes DevTools renames {@code "Detached " + name}. Starting
 * from the nodes whose {@code detachedness} field is known, attached state flows first, then detached state, along
 * edges that are not hidden, invisible or weak, and only into native nodes (embedder objects know their own state;
 * JavaScript objects stop the flow). A native node that ends detached gets the prefix. Snapshots without the field
 * (all zeros here) rename nothing, as in DevTools. Two byte arrays and two int stacks of the node count, only when
 * some node has a known state.
 */
final class DetachedNames {
    static final String PHASE = "Propagating DOM state";

    private static final byte ATTACHED = 1;
    private static final byte DETACHED = 2;

    private DetachedNames() {
    }

    /** A bit per node: DevTools shows this node's name with a {@code "Detached "} prefix. Null when none is. */
    static long[] compute(HeapGraph graph, ProgressMonitor monitor) {
        int nodeCount = graph.nodeCount();
        monitor.beginPhase(PHASE, nodeCount);
        boolean anyKnown = false;
        for (int node = 0; node < nodeCount && !anyKnown; node++) {
            anyKnown = graph.detachedness(node) != 0;
        }
        if (!anyKnown) {
            monitor.progress(nodeCount);
            return null;
        }
        Propagation propagation = new Propagation(graph);
        for (int node = 0; node < nodeCount; node++) {
            int state = graph.detachedness(node) & 3;
            if (state != 0) {
                propagation.process(node, state);
            }
        }
        monitor.checkCancelled();
        // If the parent is attached, so is the child.
        int done = 0;
        while (propagation.attachedCount > 0) {
            int node = propagation.attached[--propagation.attachedCount];
            propagation.visitChildren(node, ATTACHED);
            if ((++done & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                monitor.checkCancelled();
            }
        }
        // Otherwise the child inherits the parent's state.
        while (propagation.detachedCount > 0) {
            int node = propagation.detached[--propagation.detachedCount];
            if (propagation.state[node] == ATTACHED) {
                continue;
            }
            propagation.visitChildren(node, DETACHED);
            if ((++done & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                monitor.checkCancelled();
            }
        }
        monitor.progress(nodeCount);
        return propagation.renamed;
    }

    private static final class Propagation {
        final HeapGraph graph;
        final int nativeType;
        final int hiddenEdge;
        final int invisibleEdge;
        final int weakEdge;
        final byte[] visited;
        final byte[] state;
        final long[] renamed;
        final int[] attached;
        final int[] detached;
        int attachedCount;
        int detachedCount;

        Propagation(HeapGraph graph) {
            this.graph = graph;
            int nodeCount = graph.nodeCount();
            nativeType = graph.nodeTypes().code("native");
            hiddenEdge = graph.edgeTypes().code("hidden");
            invisibleEdge = graph.edgeTypes().code("invisible");
            weakEdge = graph.edgeTypes().code("weak");
            visited = new byte[nodeCount];
            state = new byte[nodeCount];
            renamed = new long[(nodeCount + 63) >>> 6];
            // Each node is pushed at most once (visited guards it).
            attached = new int[nodeCount];
            detached = new int[nodeCount];
        }

        void process(int node, int newState) {
            if (visited[node] != 0) {
                return;
            }
            visited[node] = 1;
            if (graph.nodeType(node) != nativeType) {
                return;
            }
            state[node] = (byte) newState;
            if (newState == ATTACHED) {
                attached[attachedCount++] = node;
            } else if (newState == DETACHED) {
                renamed[node >>> 6] |= 1L << node;
                detached[detachedCount++] = node;
            }
        }

        void visitChildren(int node, byte newState) {
            for (int edge = graph.edgeStart(node), end = graph.edgeEnd(node); edge < end; edge++) {
                int type = graph.edgeType(edge);
                if (type == hiddenEdge || type == invisibleEdge || type == weakEdge) {
                    continue;
                }
                process(graph.edgeTarget(edge), newState);
            }
        }
    }
}
