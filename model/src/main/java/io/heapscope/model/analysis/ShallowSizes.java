package io.heapscope.model.analysis;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;

import java.util.Arrays;

/**
 * DevTools' "Shallow Size" ({@code JSHeapSnapshot.calculateShallowSizes}): arrays, hidden objects and external
 * string data that exactly one other object reaches (over non-weak edges, through other such nodes) are counted in
 * that owner's size and show 0 themselves, so a JS object's property and element stores count as part of it. Only
 * when the snapshot has user roots; without them it was taken with V8 internals exposed and sizes stay raw.
 */
final class ShallowSizes {
    static final String PHASE = "Calculating shallow sizes";
    private static final int UNVISITED = -1;
    private static final int MULTIPLE_OWNERS = -2;

    private ShallowSizes() {
    }

    /** Shallow sizes as unsigned ints (DevTools keeps them in a Uint32 field too), by node ordinal. */
    static int[] compute(HeapGraph graph, RootKinds roots, ProgressMonitor monitor) {
        int count = graph.nodeCount();
        monitor.beginPhase(PHASE, count);
        int[] sizes = new int[count];
        for (int n = 0; n < count; n++) {
            sizes[n] = (int) graph.selfSize(n);
        }
        if (!roots.rootHasUserRoots()) {
            return sizes;
        }
        int hidden = graph.nodeTypes().code("hidden");
        int array = graph.nodeTypes().code("array");
        int nativeType = graph.nodeTypes().code("native");
        int synthetic = graph.nodeTypes().code("synthetic");
        int weak = graph.edgeTypes().code("weak");

        int[] owners = new int[count];
        // A node can enter the worklist at most twice: when it gets an owner and when it gets a second one. It
        // starts with the nodes that own themselves and rarely grows much past the node count, so it starts there
        // and grows on demand rather than taking twice the node count of fresh memory up front.
        int[] worklist = new int[Math.max(count, 16)];
        int size = 0;
        for (int n = 0; n < count; n++) {
            int type = graph.nodeType(n);
            if (type == hidden || type == array || (type == nativeType
                    && graph.strings().is(graph.nodeNameIndex(n), "system / ExternalStringData"))) {
                owners[n] = UNVISITED;
            } else {
                owners[n] = n;
                worklist[size++] = n;
            }
        }
        int visited = 0;
        while (size > 0) {
            int node = worklist[--size];
            int owner = owners[node];
            for (int e = graph.edgeStart(node), end = graph.edgeEnd(node); e < end; e++) {
                if (graph.edgeType(e) == weak) {
                    continue;
                }
                int target = graph.edgeTarget(e);
                int current = owners[target];
                if (current == UNVISITED) {
                    owners[target] = owner;
                } else if (current != target && current != owner && current != MULTIPLE_OWNERS) {
                    owners[target] = MULTIPLE_OWNERS;
                } else {
                    continue;
                }
                if (size == worklist.length) {
                    worklist = Arrays.copyOf(worklist, (int) Math.min(2L * count, size + (size >> 1)));
                }
                worklist[size++] = target;
            }
            if ((++visited & 0xFFFF) == 0) {
                monitor.checkCancelled();
                monitor.progress(Math.min(visited, count));
            }
        }
        for (int n = 0; n < count; n++) {
            int owner = owners[n];
            if (owner >= 0 && owner != n && owner != 0 && graph.nodeType(owner) != synthetic) {
                sizes[owner] += sizes[n];
                sizes[n] = 0;
            }
        }
        return sizes;
    }
}
