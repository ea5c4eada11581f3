package io.heapscope.model.analysis;

import io.heapscope.model.analysis.classes.TinyHeap;
import io.heapscope.model.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tree computes dominators another way than DevTools (SEMI-NCA, not Lengauer–Tarjan with buckets), which is
 * exact on the objects its searches reach and takes DevTools' word for the rest. Here it is held to DevTools'
 * algorithm as DevTools writes it, {@link #devToolsDominators}, on thousands of small random heaps full of what
 * real ones have little of: objects retained only weakly or by nothing, and cycles the root does not reach that
 * point into what it does.
 */
class DominatorTreeTest {

    @Test
    void randomHeapsGetDevToolsDominatorsIncludingObjectsTheRootDoesNotReach() {
        Random random = new Random(20261121);
        int heapsWithUnreachable = 0;
        int heapsWithUnsearched = 0;
        for (int heap = 0; heap < 1000; heap++) {
            int nodeCount = 2 + random.nextInt(40);
            // In a third of the heaps the last few objects retain each other in a ring that nothing else retains.
            int ring = heap % 3 == 0 ? Math.min(nodeCount - 1, 2 + random.nextInt(4)) : 0;
            int ringStart = nodeCount - ring;
            TinyHeap tiny = new TinyHeap();
            List<List<Integer>> essential = new ArrayList<>();
            essential.add(new ArrayList<>());
            for (int n = 1; n < nodeCount; n++) {
                tiny.node("object", "Thing", 16 + n);
                essential.add(new ArrayList<>());
            }
            // Edges in each node's order: the search follows them in that order, which decides the numbering.
            for (int from = 0; from < nodeCount; from++) {
                if (from >= ringStart) {
                    int to = from + 1 < nodeCount ? from + 1 : ringStart;
                    tiny.edge(from, "property", "ring", to);
                    essential.get(from).add(to);
                }
                int edges = random.nextInt(4);
                for (int i = 0; i < edges; i++) {
                    int to = random.nextInt(from >= ringStart ? nodeCount : ringStart);
                    boolean weak = random.nextInt(6) == 0;
                    if (from == 0) {
                        tiny.edge(0, weak ? "weak" : "element", String.valueOf(i), to);
                    } else {
                        tiny.edge(from, weak ? "weak" : "property", "p" + i, to);
                    }
                    if (!weak && to != from) {
                        essential.get(from).add(to);
                    }
                }
            }
            HeapAnalysis analysis = HeapAnalysis.analyze(tiny.snapshot(), ProgressMonitor.none());
            int[] unreachable = new int[2];
            int[] expected = devToolsDominators(essential, unreachable);
            int[] actual = new int[nodeCount];
            for (int n = 0; n < nodeCount; n++) {
                actual[n] = analysis.dominator(n);
            }
            int seed = heap;
            assertArrayEquals(expected, actual, () -> "heap " + seed + ": " + essential);
            assertEquals(unreachable[0], analysis.unreachableFromRoot(), () -> "heap " + seed);
            heapsWithUnreachable += unreachable[0] > 0 ? 1 : 0;
            heapsWithUnsearched += unreachable[1] > 0 ? 1 : 0;
        }
        // The heaps must exercise both ways of numbering an object the root does not reach.
        assertEquals(true, heapsWithUnreachable > 500, "heaps with objects the root does not reach");
        assertEquals(true, heapsWithUnsearched > 200, "heaps with objects no search reaches");
    }

    @Test
    void aChainOfThreeHundredThousandObjectsNeedsNoRecursion() {
        int length = 300_000;
        TinyHeap tiny = new TinyHeap();
        int previous = 0;
        for (int i = 0; i < length; i++) {
            int next = tiny.node("object", "Link", 32);
            tiny.edge(previous, previous == 0 ? "element" : "property", previous == 0 ? "0" : "next", next);
            previous = next;
        }
        // A back edge from the end to the start of the chain: every link's path compression walks the chain.
        tiny.edge(previous, "property", "first", 1);
        HeapAnalysis analysis = HeapAnalysis.analyze(tiny.snapshot(), ProgressMonitor.none());
        assertEquals(0, analysis.dominator(1));
        assertEquals(length / 2, analysis.dominator(length / 2 + 1));
        assertEquals(32L * length, analysis.retainedSize(1));
        assertEquals(32L, analysis.retainedSize(length));
    }

    /**
     * DevTools' {@code calculateDominatorsAndRetainedSizes}, step for step on lists: number depth-first from the
     * root, then from each object without essential retainers, then every object left; then Lengauer–Tarjan with
     * the simple eval/link and a bucket (a set) per vertex; a dominator never set is 0, read as the root. Returns
     * dominator ordinals; {@code unreachable} gets how many the root's search and how many no search reached.
     */
    private static int[] devToolsDominators(List<List<Integer>> essential, int[] unreachable) {
        int count = essential.size();
        List<List<Integer>> retainers = new ArrayList<>();
        for (int n = 0; n <= count; n++) {
            retainers.add(new ArrayList<>());
        }
        for (int from = 0; from < count; from++) {
            for (int to : essential.get(from)) {
                retainers.get(to + 1).add(from + 1);
            }
        }
        int[] parent = new int[count + 1];
        int[] semi = new int[count + 1];
        int[] vertex = new int[count + 1];
        int[] label = new int[count + 1];
        int[] ancestor = new int[count + 1];
        int[] dom = new int[count + 1];
        int[] numbered = {0};
        int root = 1;
        search(root, essential, parent, semi, vertex, label, numbered);
        unreachable[0] = count - numbered[0];
        for (int v = 1; v <= count; v++) {
            if (semi[v] == 0 && retainers.get(v).isEmpty()) {
                parent[v] = root;
                search(v, essential, parent, semi, vertex, label, numbered);
            }
        }
        unreachable[1] = count - numbered[0];
        for (int v = 1; v <= count; v++) {
            if (semi[v] == 0) {
                parent[v] = root;
                semi[v] = ++numbered[0];
                vertex[numbered[0]] = v;
                label[v] = v;
            }
        }
        List<Set<Integer>> bucket = new ArrayList<>();
        for (int v = 0; v <= count; v++) {
            bucket.add(new LinkedHashSet<>());
        }
        for (int i = count; i >= 2; i--) {
            int w = vertex[i];
            for (int v : retainers.get(w)) {
                int u = evaluate(v, ancestor, label, semi);
                semi[w] = Math.min(semi[w], semi[u]);
            }
            if (retainers.get(w).isEmpty()) {
                semi[w] = semi[root];
            }
            bucket.get(vertex[semi[w]]).add(w);
            ancestor[w] = parent[w];
            for (int v : bucket.get(parent[w])) {
                int u = evaluate(v, ancestor, label, semi);
                dom[v] = semi[u] < semi[v] ? u : parent[w];
            }
            bucket.get(parent[w]).clear();
        }
        dom[0] = root;
        dom[root] = root;
        for (int i = 2; i <= count; i++) {
            int w = vertex[i];
            if (dom[w] != vertex[semi[w]]) {
                dom[w] = dom[dom[w]];
            }
        }
        int[] dominators = new int[count];
        for (int n = 0; n < count; n++) {
            dominators[n] = dom[n + 1] - 1;
        }
        return dominators;
    }

    private static void search(int start, List<List<Integer>> essential, int[] parent, int[] semi, int[] vertex,
                               int[] label, int[] numbered) {
        int[] nextEdge = new int[semi.length];
        int v = start;
        while (v != 0) {
            if (semi[v] == 0) {
                semi[v] = ++numbered[0];
                vertex[numbered[0]] = v;
                label[v] = v;
            }
            int next = parent[v];
            List<Integer> targets = essential.get(v - 1);
            for (; nextEdge[v] < targets.size(); nextEdge[v]++) {
                int w = targets.get(nextEdge[v]) + 1;
                if (semi[w] == 0) {
                    parent[w] = v;
                    nextEdge[w] = 0;
                    next = w;
                    break;
                }
            }
            v = next;
        }
    }

    private static int evaluate(int v, int[] ancestor, int[] label, int[] semi) {
        if (ancestor[v] == 0) {
            return v;
        }
        List<Integer> path = new ArrayList<>();
        for (int x = v; ancestor[ancestor[x]] != 0; x = ancestor[x]) {
            path.add(x);
        }
        for (int i = path.size() - 1; i >= 0; i--) {
            int w = path.get(i);
            if (semi[label[ancestor[w]]] < semi[label[w]]) {
                label[w] = label[ancestor[w]];
            }
            ancestor[w] = ancestor[ancestor[w]];
        }
        return label[v];
    }

    @Test
    void theReferenceIsDevToolsOnAKnownHeap() {
        // root -> a -> b, root -> c -> b: b's dominator is the root; d has no retainers and reaches b too.
        List<List<Integer>> essential = List.of(List.of(1, 3), List.of(2), List.of(), List.of(2), List.of(2));
        int[] unreachable = new int[2];
        assertArrayEquals(new int[]{0, 0, 0, 0, 0}, devToolsDominators(essential, unreachable));
        assertArrayEquals(new int[]{1, 0}, unreachable);
        // A cycle the root does not reach, pointing at what it does: each of its objects hangs under the root.
        essential = List.of(List.of(1), List.of(2), List.of(), List.of(4, 1), List.of(3));
        assertArrayEquals(new int[]{0, 0, 1, 0, 0}, devToolsDominators(essential, unreachable));
        assertArrayEquals(new int[]{2, 2}, unreachable);
    }
}
