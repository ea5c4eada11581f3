package io.heapscope.model.analysis.diff;

import io.heapscope.model.analysis.NodeMeasures;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;

import java.util.Arrays;

/**
 * DevTools' Summary filters "Objects allocated before Snapshot 1" and "Objects allocated between Snapshot A and
 * Snapshot B" ({@code createNodeIdFilter}): the objects whose id is in {@code (afterId, upToId]}, where the bounds
 * are the largest JavaScript object ids of the two snapshots. V8 hands out object ids in increasing order within a
 * process, so this tells what was allocated in between (and still alive in the snapshot looked at); it is a range
 * of ids, not a matching of objects as {@link SnapshotComparison} does, and means nothing across processes.
 *
 * @param afterId the largest JS object id of the earlier snapshot (0 for "before the first snapshot")
 * @param upToId  the largest JS object id of the later snapshot
 */
public record AllocationIdRange(long afterId, long upToId) {
    public static final String PHASE = "Selecting objects by id";

    /** Objects allocated after {@code earlier} was taken, up to when {@code later} was taken. Linear in nodes. */
    public static AllocationIdRange between(HeapGraph earlier, HeapGraph later) {
        return new AllocationIdRange(maxJsObjectId(earlier), maxJsObjectId(later));
    }

    /** Objects allocated up to when {@code first} was taken. Linear in nodes. */
    public static AllocationIdRange before(HeapGraph first) {
        return new AllocationIdRange(0, maxJsObjectId(first));
    }

    /**
     * DevTools' {@code maxJsNodeId}: the largest odd id, or 0. V8 gives JavaScript objects odd ids; embedder (native)
     * objects get even ones, which are new in every snapshot and would say nothing about allocation time.
     */
    public static long maxJsObjectId(HeapGraph graph) {
        long max = 0;
        for (int node = 0, count = graph.nodeCount(); node < count; node++) {
            long id = graph.nodeId(node);
            if ((id & 1) != 0 && id > max) {
                max = id;
            }
        }
        return max;
    }

    public boolean contains(long id) {
        return id > afterId && id <= upToId;
    }

    /**
     * The ordinals, in node order, of the objects of {@code graph} (any snapshot of the process, usually the later
     * one) in this range that the Summary counts (shallow size above 0). One pass over the nodes.
     */
    public int[] nodes(HeapGraph graph, NodeMeasures measures, ProgressMonitor monitor) {
        int count = graph.nodeCount();
        monitor.beginPhase(PHASE, count);
        int[] result = new int[64];
        int size = 0;
        for (int node = 0; node < count; node++) {
            if ((node & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                ProgressMonitor.checkpoint(monitor, node);
            }
            if (contains(graph.nodeId(node)) && measures.shallowSize(node) != 0) {
                if (size == result.length) {
                    result = Arrays.copyOf(result, size * 2);
                }
                result[size++] = node;
            }
        }
        monitor.progress(count);
        return Arrays.copyOf(result, size);
    }
}
