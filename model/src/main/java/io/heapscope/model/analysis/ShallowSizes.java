package io.heapscope.model.analysis;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;

import java.util.Arrays;

/**
 * DevTools' "Shallow Size" ({@code JSHeapSnapshot.calculateShallowSizes}): arrays, hidden objects and external
 * string data that exactly one other object reaches (over non-weak edges, through other such nodes) are counted in
 * that owner's size and show 0 themselves, so a JS object's property and element stores count as part of it. Only
 * when the snapshot has user roots; without them it was taken with V8 internals exposed and sizes stay raw.
 *
 * <p>Kept as the nodes whose size moved (a bit each, and their sizes in node order), the rest read from the
 * graph's self sizes: a sixth of the nodes moved in the 319 MB benchmark file, so this takes 3 MB where an int per
 * node took 14 MB.
 */
final class ShallowSizes {
    static final String PHASE = "Calculating shallow sizes";
    private static final int UNVISITED = -1;
    private static final int MULTIPLE_OWNERS = -2;

    private final HeapGraph graph;
    /** A bit per node whose shallow size is not its self size. */
    private final long[] moved;
    /** Per word of {@link #moved}, how many bits the words before it have. */
    private final int[] movedBefore;
    /** The shallow sizes of the moved nodes, in node order, as unsigned ints: 0 for those owned, more for owners. */
    private final int[] movedSizes;

    private ShallowSizes(HeapGraph graph, long[] moved, int[] movedBefore, int[] movedSizes) {
        this.graph = graph;
        this.moved = moved;
        this.movedBefore = movedBefore;
        this.movedSizes = movedSizes;
    }

    /** Node {@code node}'s shallow size as an unsigned int (DevTools keeps them in a Uint32 field too). */
    int get(int node) {
        return (moved[node >>> 6] & (1L << node)) == 0 ? (int) graph.selfSize(node) : movedSizes[slot(node)];
    }

    static ShallowSizes compute(HeapGraph graph, RootKinds roots, ProgressMonitor monitor) {
        int count = graph.nodeCount();
        monitor.beginPhase(PHASE, count);
        long[] moved = new long[(count + 63) >>> 6];
        if (!roots.rootHasUserRoots()) {
            return new ShallowSizes(graph, moved, new int[moved.length], new int[0]);
        }
        int[] owners = owners(graph, monitor);
        int synthetic = graph.nodeTypes().code("synthetic");
        for (int n = 0; n < count; n++) {
            int owner = owners[n];
            if (owner >= 0 && owner != n && owner != 0 && graph.nodeType(owner) != synthetic) {
                moved[n >>> 6] |= 1L << n;
                moved[owner >>> 6] |= 1L << owner;
            } else {
                owners[n] = n;
            }
        }
        int[] movedBefore = new int[moved.length];
        int total = 0;
        for (int word = 0; word < moved.length; word++) {
            movedBefore[word] = total;
            total += Long.bitCount(moved[word]);
        }
        ShallowSizes sizes = new ShallowSizes(graph, moved, movedBefore, new int[total]);
        // An owner keeps its own size and gains its owned nodes', which show 0. Owners own themselves, so no node
        // both gives and gains.
        for (int n = 0; n < count; n++) {
            int owner = owners[n];
            if (owner != n) {
                sizes.movedSizes[sizes.slot(owner)] += (int) graph.selfSize(n);
            } else if ((moved[n >>> 6] & (1L << n)) != 0) {
                sizes.movedSizes[sizes.slot(n)] += (int) graph.selfSize(n);
            }
        }
        return sizes;
    }

    /** Where a moved node's size is in {@link #movedSizes}: the moved nodes before it. */
    private int slot(int node) {
        int word = node >>> 6;
        return movedBefore[word] + Long.bitCount(moved[word] & ((1L << node) - 1));
    }

    /**
     * Per node, the one node that owns it through hidden, array and external-string nodes, itself for the nodes
     * that own themselves, or {@link #UNVISITED} or {@link #MULTIPLE_OWNERS}.
     */
    private static int[] owners(HeapGraph graph, ProgressMonitor monitor) {
        int count = graph.nodeCount();
        int hidden = graph.nodeTypes().code("hidden");
        int array = graph.nodeTypes().code("array");
        int nativeType = graph.nodeTypes().code("native");
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
            if ((++visited & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                ProgressMonitor.checkpoint(monitor, Math.min(visited, count));
            }
        }
        return owners;
    }
}
