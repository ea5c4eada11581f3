package io.heapscope.model.analysis;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Immediate dominators and retained sizes over the essential edges, step for step as DevTools computes them
 * ({@code calculateDominatorsAndRetainedSizes}): Lengauer–Tarjan with the simple eval/link, from the root; then from
 * each object not reached that has only non-essential retainers, hung under the root; then every object still not
 * numbered, attached to the root directly. Following DevTools' exact order matters: for objects the root does not
 * reach, the result depends on it.
 *
 * <p>Vertices are numbered from 1 (0 means none), so vertex {@code v} is node ordinal {@code v - 1}. Everything is
 * iterative over int arrays: the depth-first search keeps a next-edge cursor per node, path compression an explicit
 * stack, and the buckets are linked lists.
 *
 * <p>Memory is the peak of a whole load here, so arrays are shared between steps where their lives do not overlap:
 * the search's next-edge cursors become the forest's ancestors, one slot per vertex is its parent, then its bucket
 * link, then its dominator, and everything but the numbering and the dominators is dropped before the retained
 * sizes are summed.
 */
final class DominatorTree {
    static final String PHASE = "Building the dominator tree";

    /**
     * Dominator ordinal per node (the root's is itself), and retained size per node. {@code dominators} has one
     * entry more than there are nodes, unused: it is the tree's own array, reused.
     */
    record Result(int[] dominators, RetainedSizes retainedSizes, int unreachable) {
    }

    private final HeapGraph graph;
    private BitSet essential;
    private EssentialRetainers retainers;
    private int[] parent;
    /** The search's next-edge cursor per node ordinal; once the search is done, the same array as {@link #ancestor}. */
    private int[] nextEdge;
    private int[] ancestor;
    private final int[] vertex;
    private int[] label;
    private int[] semi;
    /** Path compression's stack: as deep as the longest path compressed, which is mostly short. */
    private int[] compression = new int[1024];
    private int numbered;

    private DominatorTree(HeapGraph graph, BitSet essential, EssentialRetainers retainers, int[][] spentArrays) {
        this.graph = graph;
        this.essential = essential;
        this.retainers = retainers;
        int length = graph.nodeCount() + 1;
        parent = new int[length];
        nextEdge = new int[length];
        vertex = new int[length];
        label = cleared(spentArrays[0], length);
        semi = cleared(spentArrays[1], length);
    }

    private static int[] cleared(int[] spent, int length) {
        if (spent == null || spent.length < length) {
            return new int[length];
        }
        Arrays.fill(spent, 0);
        return spent;
    }

    /** Takes the essential edges and their retainers over from {@code essential}, and drops them once used. */
    static Result compute(HeapGraph graph, EssentialGraph essential, ShallowSizes shallowSizes,
                          ProgressMonitor monitor) {
        monitor.beginPhase(PHASE, 2L * graph.nodeCount());
        return new DominatorTree(graph, essential.takeEdges(), essential.takeRetainers(), essential.takeSpentArrays())
                .run(shallowSizes, monitor);
    }

    private Result run(ShallowSizes shallowSizes, ProgressMonitor monitor) {
        int count = graph.nodeCount();
        int root = 1;
        search(root, monitor);
        int unreachable = count - numbered;
        if (numbered < count) {
            for (int v = 1; v <= count; v++) {
                if (semi[v] == 0 && retainers.start(v - 1) == retainers.end(v - 1)) {
                    parent[v] = root;
                    search(v, monitor);
                }
            }
        }
        if (numbered < count) {
            for (int v = 1; v <= count; v++) {
                if (semi[v] == 0) {
                    parent[v] = root;
                    semi[v] = ++numbered;
                    vertex[numbered] = v;
                }
            }
        }
        monitor.checkCancelled();
        monitor.progress(count);

        essential = null;
        ancestor = nextEdge;
        nextEdge = null;
        Arrays.fill(ancestor, 0);
        // Two arrays of the node count less at the peak, by giving each slot two or three lives:
        // - A vertex's slot in `parent` holds its parent, then its bucket link, then its dominator. The parent is
        //   read once, in the vertex's own step, and the vertex joins a bucket in that same step, after; it leaves
        //   the bucket for good when its dominator is known.
        // - A vertex's slot in `label` holds the head of its bucket until its own step, then its label. Buckets
        //   belong to vertices not yet stepped (a semidominator or parent has a lower number), and only stepped
        //   vertices are linked, so only their labels are read.
        int[] bucketNext = parent;
        int[] dom = parent;
        int[] bucketHead = label;
        parent = null;
        for (int i = numbered; i >= 2; i--) {
            int w = vertex[i];
            // Nothing can join w's bucket from now on, and its children, whose steps process it, are done: what is
            // left never gets a dominator (see noDominator).
            noDominator(bucketHead[w], bucketNext);
            label[w] = w;
            int wOrdinal = w - 1;
            int start = retainers.start(wOrdinal);
            int end = retainers.end(wOrdinal);
            for (int slot = start; slot < end; slot++) {
                int u = evaluate(retainers.owner(slot) + 1);
                if (semi[u] < semi[w]) {
                    semi[w] = semi[u];
                }
            }
            if (start == end) {
                // An object without essential retainers counts as retained by the root alone.
                semi[w] = semi[root];
            }
            int p = bucketNext[w];
            ancestor[w] = p;
            int semiVertex = vertex[semi[w]];
            if (semiVertex == w) {
                // Its own semidominator: possible only for an object numbered outside the search, and its bucket is
                // never processed again.
                dom[w] = 0;
            } else {
                bucketNext[w] = bucketHead[semiVertex];
                bucketHead[semiVertex] = w;
            }

            for (int v = bucketHead[p]; v != 0; ) {
                int next = bucketNext[v];
                int u = evaluate(v);
                dom[v] = semi[u] < semi[v] ? u : p;
                v = next;
            }
            bucketHead[p] = 0;
            if ((i & 0xFFFF) == 0) {
                monitor.checkCancelled();
                monitor.progress(count + (long) (numbered - i));
            }
        }
        noDominator(bucketHead[root], bucketNext);
        dom[0] = root;
        dom[root] = root;
        for (int i = 2; i <= numbered; i++) {
            int w = vertex[i];
            if (dom[w] != vertex[semi[w]]) {
                dom[w] = dom[dom[w]];
            }
        }
        // Only the numbering and the dominators are needed from here: let the rest go before the results exist,
        // but for one array the retained sizes may be summed in.
        int[] spare = semi;
        retainers = null;
        ancestor = null;
        label = null;
        semi = null;
        compression = null;
        bucketHead = null;
        bucketNext = null;

        // From vertices to ordinals in place: each entry is read before it is overwritten.
        int[] dominators = dom;
        for (int node = 0; node < count; node++) {
            dominators[node] = dom[node + 1] - 1;
        }
        RetainedSizes retained = RetainedSizes.sum(shallowSizes::get, dominators, count, vertex, 1, spare);
        monitor.progress(2L * count);
        return new Result(dominators, retained, unreachable);
    }

    /**
     * Vertices left in a bucket that is never processed again: their semidominator's bucket was processed before
     * they joined it, or never is (the root's, at the end), which happens only to objects DevTools numbers outside
     * its search. DevTools' dominator array starts zeroed, so their entry stays 0 there, which the last pass turns
     * into the root.
     */
    private static void noDominator(int bucket, int[] bucketNext) {
        for (int v = bucket; v != 0; ) {
            int next = bucketNext[v];
            bucketNext[v] = 0;
            v = next;
        }
    }

    /** Depth-first numbering over essential edges from {@code start}, in edge order, as DevTools' iterative DFS. */
    private void search(int start, ProgressMonitor monitor) {
        nextEdge[start - 1] = graph.edgeStart(start - 1);
        int v = start;
        while (v != 0) {
            if (semi[v] == 0) {
                semi[v] = ++numbered;
                vertex[numbered] = v;
                if ((numbered & 0xFFFF) == 0) {
                    // The search is a long stretch of the tree's work on a big graph: it reports and can be
                    // cancelled too.
                    monitor.checkCancelled();
                    monitor.progress(numbered);
                }
            }
            int next = parent[v];
            int vOrdinal = v - 1;
            for (int end = graph.edgeEnd(vOrdinal); nextEdge[vOrdinal] < end; nextEdge[vOrdinal]++) {
                int e = nextEdge[vOrdinal];
                if (!essential.get(e)) {
                    continue;
                }
                int wOrdinal = graph.edgeTarget(e);
                int w = wOrdinal + 1;
                if (semi[w] == 0) {
                    parent[w] = v;
                    nextEdge[wOrdinal] = graph.edgeStart(wOrdinal);
                    next = w;
                    break;
                }
            }
            v = next;
        }
    }

    private int evaluate(int v) {
        if (ancestor[v] == 0) {
            return v;
        }
        compress(v);
        return label[v];
    }

    private void compress(int v) {
        int top = 0;
        while (ancestor[ancestor[v]] != 0) {
            if (++top == compression.length) {
                compression = Arrays.copyOf(compression, 2 * compression.length);
            }
            compression[top] = v;
            v = ancestor[v];
        }
        while (top > 0) {
            int w = compression[top--];
            if (semi[label[ancestor[w]]] < semi[label[w]]) {
                label[w] = label[ancestor[w]];
            }
            ancestor[w] = ancestor[ancestor[w]];
        }
    }
}
