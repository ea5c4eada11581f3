package io.heapscope.model.modules;

import io.heapscope.model.analysis.NodeMeasures;

import java.util.HashSet;
import java.util.Set;

/**
 * The retained size of a set of objects counted the way DevTools counts a Summary class: the retained sizes of the
 * members no other member dominates, so nothing is counted twice. A lower bound of what freeing all of them would
 * free. Walks each member's dominator chain, which is no longer than its distance from the root.
 */
final class TopMostRetained {
    private TopMostRetained() {
    }

    static long of(int[] nodes, NodeMeasures measures) {
        Set<Integer> members = new HashSet<>();
        for (int node : nodes) {
            members.add(node);
        }
        long total = 0;
        for (int node : members) {
            if (!dominatedByAnother(node, members, measures)) {
                total += measures.retainedSize(node);
            }
        }
        return total;
    }

    private static boolean dominatedByAnother(int node, Set<Integer> members, NodeMeasures measures) {
        int current = node;
        while (true) {
            int dominator = measures.dominator(current);
            if (dominator == current) {
                return false;
            }
            if (members.contains(dominator)) {
                return true;
            }
            current = dominator;
        }
    }
}
