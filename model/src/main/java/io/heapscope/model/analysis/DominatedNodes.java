package io.heapscope.model.analysis;

/**
 * The dominator tree downwards: for each node, the nodes it immediately dominates. Built once from the dominator
 * array with a counting pass (two int arrays of the node count); children appear in node ordinal order.
 */
public final class DominatedNodes {
    private final int[] first;
    private final int[] children;

    DominatedNodes(int[] dominators) {
        int count = dominators.length;
        first = new int[count + 1];
        for (int node = 1; node < count; node++) {
            first[dominators[node] + 1]++;
        }
        for (int node = 0; node < count; node++) {
            first[node + 1] += first[node];
        }
        children = new int[Math.max(0, count - 1)];
        int[] next = java.util.Arrays.copyOf(first, count);
        for (int node = 1; node < count; node++) {
            children[next[dominators[node]]++] = node;
        }
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
}
