package io.heapscope.model.analysis;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Immediate dominators and retained sizes over the essential edges, as DevTools computes them
 * ({@code calculateDominatorsAndRetainedSizes}). DevTools numbers the objects depth-first from the root; then from
 * each object not reached that has only non-essential retainers, hung under the root; then numbers every object
 * still not reached, attached to the root directly. Then it runs Lengauer–Tarjan with the simple eval/link.
 *
 * <p>This numbers the objects the same way and computes the same dominators with SEMI-NCA (Georgiadis, Tarjan and
 * Werneck, "Finding dominators in practice", 2006): semidominators as Lengauer–Tarjan computes them, then each
 * dominator as the nearest common ancestor of a vertex's parent and semidominator, walking up the dominators found
 * so far. Both are exact on a flow graph, and the first two numberings are a depth-first search of one: the
 * essential edges plus an edge from the root to each object without essential retainers. The objects numbered last
 * are not reachable in it. Lengauer–Tarjan leaves each of them with no dominator (its semidominator's bucket is never
 * processed, as no vertex has it for a parent), which DevTools then reads as the root; here the walk up from its
 * parent, the root, gives the root at once. {@code DominatorTreeTest} holds this to DevTools' algorithm on random
 * heaps, the conformance tests to DevTools' answers.
 *
 * <p>Why not Lengauer–Tarjan as DevTools writes it: SEMI-NCA has no buckets, and needs only the least semidominator
 * on a forest path, not the vertex that has it. So a vertex's forest ancestor and that least semidominator sit side
 * by side in one array, one cache line for both; on a big heap every step is a cache miss.
 *
 * <p>Everything after the search works in preorder numbers from 1 (0 means none): the steps go through them in
 * order, the forest's links point at lower numbers, and an owner numbered before the vertex in its step is not yet
 * linked, so it is its own semidominator without looking anything up. Everything is iterative over int arrays.
 *
 * <p>Between the search and the semidominators it indexes the essential retainers in preorder
 * ({@link EssentialRetainers}), so that the semidominator step reads them in order.
 *
 * <p>Memory is the peak of a whole load here: five int arrays of the node count (the forest counts two) besides the
 * retainer index, as the Lengauer–Tarjan before this took. The essential selection's count arrays become the
 * numbering and, once the index is filled, the semidominators; the numbering then holds the parents, the
 * dominators by number and at last the retained sizes, and the semidominators' array ends as the dominators by
 * ordinal.
 */
final class DominatorTree {
    static final String PHASE = "Building the dominator tree";

    /**
     * Dominator ordinal per node (the root's is itself), and retained size per node. {@code dominators} has one
     * entry more than there are nodes, unused: it is the tree's own array, reused.
     */
    record Result(int[] dominators, RetainedSizes retainedSizes, int unreachable) {
    }

    private static final int ROOT = 1;

    private final HeapGraph graph;
    private BitSet essential;
    /** Essential edges pointing at each node ordinal, until the index is filled. */
    private int[] targetCounts;
    private EssentialRetainers retainers;
    /** Vertex (node ordinal + 1) per preorder number. */
    private final int[] vertex;
    /** Preorder number per vertex, 0 while not numbered; then, by number, the search tree's parent. */
    private int[] preorder;
    /**
     * Two ints per preorder number. While searching: the vertex's parent and its next edge to look at. Then, once the
     * vertex is linked: its ancestor in the forest, and the least semidominator on the forest path from it up to
     * (not including) that ancestor.
     */
    private int[] forest;
    /** Semidominator per preorder number; then the dominators by node ordinal. */
    private int[] semi;
    /** Path compression's stack: as deep as the longest path compressed, which is mostly short. */
    private int[] compression = new int[1 << 16];
    private int numbered;
    /** Objects the search from the root does not reach. */
    private int unreachableFromRoot;

    private DominatorTree(HeapGraph graph, BitSet essential, int[] targetCounts, int[] spentArray) {
        this.graph = graph;
        this.essential = essential;
        this.targetCounts = targetCounts;
        int length = graph.nodeCount() + 1;
        vertex = new int[length];
        preorder = cleared(spentArray, length);
        forest = new int[2 * length];
    }

    private static int[] cleared(int[] spent, int length) {
        if (spent == null || spent.length < length) {
            return new int[length];
        }
        Arrays.fill(spent, 0);
        return spent;
    }

    /** Takes the essential edges and their counts over from {@code essential}, and drops them once used. */
    static Result compute(HeapGraph graph, EssentialGraph essential, ShallowSizes shallowSizes,
                          ProgressMonitor monitor) {
        monitor.beginPhase(PHASE, 3L * graph.nodeCount());
        return new DominatorTree(graph, essential.takeEdges(), essential.takeTargetCounts(),
                essential.takeSpentArray()).run(shallowSizes, monitor);
    }

    private Result run(ShallowSizes shallowSizes, ProgressMonitor monitor) {
        int count = graph.nodeCount();
        numberAsDevTools(monitor);
        retainers = EssentialRetainers.inPreorder(graph, essential, targetCounts, preorder, vertex, monitor, count);
        essential = null;
        // The fill's spent cursors: an array of the right size, already touched.
        semi = targetCounts;
        targetCounts = null;

        // The search tree's parents move out of the forest, whose links path compression rewrites.
        int[] parent = preorder;
        preorder = null;
        for (int w = 1; w <= count; w++) {
            parent[w] = forest[2 * w];
        }
        semidominators(monitor);
        forest = null;
        retainers = null;
        compression = null;

        // A vertex's dominator is the nearest common ancestor of its parent and its semidominator in the tree of
        // dominators found so far: up from the parent until at or above the semidominator. In place: the walk reads
        // only lower numbers, whose slots are dominators already, and w's parent is read before its slot changes.
        int[] dominator = parent;
        dominator[ROOT] = ROOT;
        for (int w = 2; w <= count; w++) {
            int d = parent[w];
            while (d > semi[w]) {
                d = dominator[d];
            }
            dominator[w] = d;
        }
        int[] dominators = semi;
        semi = null;
        for (int w = 1; w <= count; w++) {
            dominators[vertex[w] - 1] = vertex[dominator[w]] - 1;
        }
        RetainedSizes retained = RetainedSizes.sum(shallowSizes::get, dominators, count, vertex, 1, dominator);
        monitor.progress(3L * count);
        return new Result(dominators, retained, unreachableFromRoot);
    }

    /** Numbers every vertex in DevTools' order (see the class comment). */
    private void numberAsDevTools(ProgressMonitor monitor) {
        int count = graph.nodeCount();
        search(ROOT, 0, monitor);
        unreachableFromRoot = count - numbered;
        if (numbered < count) {
            for (int v = 1; v <= count; v++) {
                if (preorder[v] == 0 && targetCounts[v - 1] == 0) {
                    search(v, ROOT, monitor);
                }
            }
        }
        for (int v = 1; v <= count && numbered < count; v++) {
            if (preorder[v] == 0) {
                number(v, ROOT);
            }
        }
        monitor.checkCancelled();
        monitor.progress(count);
    }

    /**
     * Depth-first numbering over essential edges from {@code start}, whose parent is {@code parent}, in edge order,
     * as DevTools' iterative search. The path back is the chain of parents by number, each with its next edge.
     */
    private void search(int start, int parent, ProgressMonitor monitor) {
        int at = number(start, parent);
        while (at != parent) {
            int next = forest[2 * at + 1];
            int end = graph.edgeEnd(vertex[at] - 1);
            int found = 0;
            for (; next < end; next++) {
                if (essential.get(next)) {
                    int w = graph.edgeTarget(next) + 1;
                    if (preorder[w] == 0) {
                        found = w;
                        next++;
                        break;
                    }
                }
            }
            forest[2 * at + 1] = next;
            if (found != 0) {
                at = number(found, at);
                if ((at & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                    // The search is a long stretch of the tree's work on a big graph: it reports and can be
                    // cancelled too.
                    ProgressMonitor.checkpoint(monitor, at);
                }
            } else {
                at = forest[2 * at];
            }
        }
    }

    private int number(int v, int parent) {
        int n = ++numbered;
        preorder[v] = n;
        vertex[n] = v;
        forest[2 * n] = parent;
        forest[2 * n + 1] = graph.edgeStart(v - 1);
        return n;
    }

    /**
     * Each vertex's semidominator, from the last numbered to the second: the least of its owners numbered before it
     * and the least semidominators on the forest paths above its owners numbered after it. Then it is linked to its
     * parent, where its forest link already points.
     */
    private void semidominators(ProgressMonitor monitor) {
        int count = numbered;
        for (int w = count; w >= 2; w--) {
            int start = retainers.start(w);
            int end = retainers.end(w);
            int least = w;
            for (int slot = start; slot < end; slot++) {
                int u = retainers.owner(slot) + 1;
                int candidate = u < w ? u : leastAbove(u, w + 1);
                if (candidate < least) {
                    least = candidate;
                }
            }
            if (start == end) {
                // An object without essential retainers counts as retained by the root alone.
                least = ROOT;
            }
            semi[w] = least;
            forest[2 * w + 1] = least;
            if ((w & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                ProgressMonitor.checkpoint(monitor, 2L * count + (count - w));
            }
        }
    }

    /**
     * The least semidominator on the forest path from linked vertex {@code v} up to its tree's root, which is not
     * linked; those numbered from {@code firstLinked} on are. Compresses the path on the way.
     */
    private int leastAbove(int v, int firstLinked) {
        int[] links = forest;
        int top = 0;
        for (int x = v; links[2 * x] >= firstLinked; x = links[2 * x]) {
            if (++top == compression.length) {
                compression = Arrays.copyOf(compression, 2 * compression.length);
            }
            compression[top] = x;
        }
        while (top > 0) {
            int w = compression[top--];
            int a = links[2 * w];
            if (links[2 * a + 1] < links[2 * w + 1]) {
                links[2 * w + 1] = links[2 * a + 1];
            }
            links[2 * w] = links[2 * a];
        }
        return links[2 * v + 1];
    }
}
