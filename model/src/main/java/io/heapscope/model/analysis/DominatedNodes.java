package io.heapscope.model.analysis;

/**
 * The dominator tree downwards: for each node, the nodes it immediately dominates. Built once from the dominator
 * array with a counting pass (two int arrays of the node count); children appear in node ordinal order.
 */
public final class DominatedNodes {
    private final int[] first;
    private final int[] children;

    private DominatedNodes(int[] first, int[] children) {
        this.first = first;
        this.children = children;
    }

    /** The tree of the first {@code nodeCount} nodes' dominators; the root (ordinal 0) is nobody's child. */
    public static DominatedNodes of(NodeMeasures measures, int nodeCount) {
        int[] first = new int[nodeCount + 1];
        for (int node = 1; node < nodeCount; node++) {
            first[measures.dominator(node) + 1]++;
        }
        for (int node = 0; node < nodeCount; node++) {
            first[node + 1] += first[node];
        }
        int[] children = new int[Math.max(0, nodeCount - 1)];
        int[] next = java.util.Arrays.copyOf(first, nodeCount);
        for (int node = 1; node < nodeCount; node++) {
            children[next[measures.dominator(node)]++] = node;
        }
        return new DominatedNodes(first, children);
    }

    /** Children of {@code node} are {@code child(i)} for {@code i} in {@code [start(node), end(node))}. */
    public int start(int node) {
        return first[node];
    }

    public int end(int node) {
        return first[node + 1];
    }

    public int child(int index) {
        return children[index];
    }

    /** A copy of the children of {@code node}, in node ordinal order: for a view to sort. */
    public int[] children(int node) {
        return java.util.Arrays.copyOfRange(children, first[node], first[node + 1]);
    }
}
