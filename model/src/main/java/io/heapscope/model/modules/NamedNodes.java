package io.heapscope.model.modules;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.graph.StringTable;
import io.heapscope.model.progress.ProgressMonitor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes whose name is one of a few constructor names, found in one pass over the node names (comparing string
 * indexes, not text). The module finders start from these: a handful of classes among millions of objects.
 */
final class NamedNodes {
    private final Map<String, int[]> byName;

    private NamedNodes(Map<String, int[]> byName) {
        this.byName = byName;
    }

    static NamedNodes find(HeapGraph graph, List<String> names, ProgressMonitor monitor) {
        StringTable strings = graph.strings();
        Map<String, Integer> tagOfName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            tagOfName.put(names.get(i), i);
        }
        // V8 writes each distinct string once, but nothing forbids a writer from repeating one: map every index.
        Map<Integer, Integer> tagOfString = new HashMap<>();
        for (int s = 0; s < strings.size(); s++) {
            Integer tag = tagOfName.get(strings.get(s));
            if (tag != null) {
                tagOfString.put(s, tag);
            }
        }
        int[] sortedIndexes = tagOfString.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();

        int[][] found = new int[names.size()][8];
        int[] counts = new int[names.size()];
        int nodeCount = graph.nodeCount();
        for (int node = 0; node < nodeCount; node++) {
            if ((node & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                ProgressMonitor.checkpoint(monitor, node);
            }
            int name = graph.nodeNameIndex(node);
            if (Arrays.binarySearch(sortedIndexes, name) >= 0) {
                int tag = tagOfString.get(name);
                if (counts[tag] == found[tag].length) {
                    found[tag] = Arrays.copyOf(found[tag], counts[tag] * 2);
                }
                found[tag][counts[tag]++] = node;
            }
        }
        Map<String, int[]> byName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byName.put(names.get(i), Arrays.copyOf(found[i], counts[i]));
        }
        return new NamedNodes(byName);
    }

    /** The nodes named {@code name}, in node order. */
    int[] named(String name) {
        return byName.getOrDefault(name, new int[0]);
    }
}
