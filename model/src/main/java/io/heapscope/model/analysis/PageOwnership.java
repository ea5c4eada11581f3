package io.heapscope.model.analysis;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;

import java.util.BitSet;

/**
 * DevTools' "page-owned" objects ({@code markPageOwnedNodes}): everything reachable over non-weak edges from the
 * root's {@code shortcut} targets (the {@code global} objects) and, in browser snapshots, from the
 * {@code (Document DOM trees)} root. The dominator tree ignores edges from objects outside this set into it, so
 * that what only the debugger or V8 internals also hold does not change the dominators users see.
 */
final class PageOwnership {
    static final String PHASE = "Marking page-owned objects";

    private PageOwnership() {
    }

    static BitSet mark(HeapGraph graph, RootKinds roots, ProgressMonitor monitor) {
        monitor.beginPhase(PHASE, graph.nodeCount());
        int shortcut = graph.edgeTypes().code("shortcut");
        int element = graph.edgeTypes().code("element");
        int weak = graph.edgeTypes().code("weak");
        BitSet owned = new BitSet(graph.nodeCount());
        int[] stack = new int[graph.nodeCount()];
        int size = 0;
        for (int e = graph.edgeStart(0); e < graph.edgeEnd(0); e++) {
            int type = graph.edgeType(e);
            int target = graph.edgeTarget(e);
            boolean entry = type == shortcut || (type == element && roots.isDocumentDomTreesRoot(target));
            if (entry && !owned.get(target)) {
                owned.set(target);
                stack[size++] = target;
            }
        }
        int visited = 0;
        while (size > 0) {
            int node = stack[--size];
            for (int e = graph.edgeStart(node), end = graph.edgeEnd(node); e < end; e++) {
                int child = graph.edgeTarget(e);
                if (!owned.get(child) && graph.edgeType(e) != weak) {
                    owned.set(child);
                    stack[size++] = child;
                }
            }
            if ((++visited & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                ProgressMonitor.checkpoint(monitor, visited);
            }
        }
        return owned;
    }
}
