package io.heapscope.model.modules;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;

import java.util.Set;

/**
 * Which objects stay reachable once the running code returns: a search from the root over strong edges that never
 * enters the GC root categories for the stack and local handles. An object reachable, but not durably, is held
 * only by a frame or a handle scope that is still open while the snapshot is written: a transient, not a leak.
 */
final class DurableReachability {
    static final String PHASE = "Tracing durable roots";
    /** V8's synthetic root nodes for frames and open local handle scopes. */
    static final Set<String> TRANSIENT_ROOTS = Set.of("(Stack roots)", "(Handle scope)", "(Relocatable)");

    private final long[] reached;

    private DurableReachability(long[] reached) {
        this.reached = reached;
    }

    static DurableReachability compute(HeapGraph graph, ProgressMonitor monitor) {
        int nodeCount = graph.nodeCount();
        int weak = graph.edgeTypes().code("weak");
        long[] reached = new long[(nodeCount + 63) >>> 6];
        monitor.beginPhase(PHASE, nodeCount);
        if (nodeCount == 0) {
            return new DurableReachability(reached);
        }
        // The transient root nodes are marked up front, so the search never enters them.
        int synthetic = graph.nodeTypes().code("synthetic");
        for (int node = 1; node < nodeCount; node++) {
            if (graph.nodeType(node) == synthetic && TRANSIENT_ROOTS.contains(graph.nodeName(node))) {
                mark(reached, node);
            }
        }
        long[] transientRoots = reached.clone();
        int[] queue = new int[nodeCount];
        int head = 0;
        int tail = 0;
        queue[tail++] = 0;
        mark(reached, 0);
        while (head < tail) {
            int node = queue[head++];
            if ((head & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                ProgressMonitor.checkpoint(monitor, head);
            }
            for (int e = graph.edgeStart(node), end = graph.edgeEnd(node); e < end; e++) {
                int target = graph.edgeTarget(e);
                if (graph.edgeType(e) == weak || isMarked(reached, target)) {
                    continue;
                }
                mark(reached, target);
                queue[tail++] = target;
            }
        }
        monitor.progress(nodeCount);
        for (int i = 0; i < reached.length; i++) {
            reached[i] &= ~transientRoots[i];
        }
        return new DurableReachability(reached);
    }

    boolean isDurablyReachable(int node) {
        return isMarked(reached, node);
    }

    private static void mark(long[] bits, int node) {
        bits[node >>> 6] |= 1L << node;
    }

    private static boolean isMarked(long[] bits, int node) {
        return (bits[node >>> 6] & (1L << node)) != 0;
    }
}
