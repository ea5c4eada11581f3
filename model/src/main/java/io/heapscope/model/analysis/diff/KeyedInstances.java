package io.heapscope.model.analysis.diff;

import io.heapscope.model.analysis.NodeMeasures;
import io.heapscope.model.analysis.classes.ClassNames;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;

import java.util.Arrays;
import java.util.HashMap;

/**
 * One snapshot's side of a comparison, as DevTools' {@code getAggregatesByClassKey(true, 'allObjects')} builds it:
 * the objects with shallow size above 0, grouped by printed class key, each key's objects sorted by id.
 *
 * <p>Keys are numbered in DevTools' iteration order (the order of each key's first counted object). When two of
 * {@link ClassNames}' classes print as one key, DevTools' later entry overwrites the earlier one's objects but keeps
 * its position: so the key stays where its first class appeared and holds only the class whose first counted
 * object comes last (as {@code ClassSummary} keeps it); the other class's objects take no part.
 *
 * <p>Memory: a long per counted object (id above ordinal, so one primitive sort orders by id); no per-node objects.
 */
final class KeyedInstances {
    private final HeapGraph graph;
    private final String[] keys;
    private final int[] classOfKey;
    private final HashMap<String, Integer> keyIndex;
    /** Per key {@code [firstInstance[k], firstInstance[k + 1])} of {@link #instances}. */
    private final int[] firstInstance;
    /** {@code id << 31 | ordinal}, ascending within each key. */
    private final long[] instances;

    private KeyedInstances(HeapGraph graph, String[] keys, int[] classOfKey, HashMap<String, Integer> keyIndex,
                           int[] firstInstance, long[] instances) {
        this.graph = graph;
        this.keys = keys;
        this.classOfKey = classOfKey;
        this.keyIndex = keyIndex;
        this.firstInstance = firstInstance;
        this.instances = instances;
    }

    /**
     * Groups one snapshot's counted objects; two passes over the nodes, reported as {@code 2 × nodeCount} units
     * of work from {@code doneBefore} on in the caller's phase.
     */
    static KeyedInstances of(HeapGraph graph, NodeMeasures measures, ClassNames classes, ProgressMonitor monitor,
                             long doneBefore) {
        int nodeCount = graph.nodeCount();
        int classCount = classes.classCount();
        int[] count = new int[classCount];
        int[] keyOfClass = new int[classCount];
        Arrays.fill(keyOfClass, -1);
        HashMap<String, Integer> keyIndex = new HashMap<>();
        int[] classOfKey = new int[classCount];
        for (int node = 0; node < nodeCount; node++) {
            if ((node & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                ProgressMonitor.checkpoint(monitor, doneBefore + node);
            }
            if (measures.shallowSize(node) == 0) {
                continue;
            }
            int cls = classes.classOf(node);
            if (count[cls]++ == 0) {
                int key = keyIndex.computeIfAbsent(classes.key(cls), k -> keyIndex.size());
                classOfKey[key] = cls;
                keyOfClass[cls] = key;
            }
        }

        int keyCount = keyIndex.size();
        String[] keys = new String[keyCount];
        int[] firstInstance = new int[keyCount + 1];
        for (int key = 0; key < keyCount; key++) {
            keys[key] = classes.key(classOfKey[key]);
            firstInstance[key + 1] = firstInstance[key] + count[classOfKey[key]];
        }
        // A class that lost its key to a later one (see the class comment) is left out.
        for (int cls = 0; cls < classCount; cls++) {
            if (keyOfClass[cls] >= 0 && classOfKey[keyOfClass[cls]] != cls) {
                keyOfClass[cls] = -1;
            }
        }

        long[] instances = new long[firstInstance[keyCount]];
        int[] next = Arrays.copyOf(firstInstance, keyCount);
        for (int node = 0; node < nodeCount; node++) {
            if ((node & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                ProgressMonitor.checkpoint(monitor, doneBefore + nodeCount + node);
            }
            if (measures.shallowSize(node) != 0) {
                int key = keyOfClass[classes.classOf(node)];
                if (key >= 0) {
                    // Ids are unsigned 32-bit and ordinals below 2^31: the packed value stays positive.
                    instances[next[key]++] = (graph.nodeId(node) << 31) | node;
                }
            }
        }
        for (int key = 0; key < keyCount; key++) {
            Arrays.sort(instances, firstInstance[key], firstInstance[key + 1]);
        }
        monitor.checkCancelled();
        return new KeyedInstances(graph, keys, Arrays.copyOf(classOfKey, keyCount), keyIndex, firstInstance,
                instances);
    }

    HeapGraph graph() {
        return graph;
    }

    int keyCount() {
        return keys.length;
    }

    String key(int key) {
        return keys[key];
    }

    /** The {@link ClassNames} class whose objects the key holds. */
    int classOfKey(int key) {
        return classOfKey[key];
    }

    /** The index of a printed key, or -1. */
    int indexOf(String key) {
        Integer index = keyIndex.get(key);
        return index == null ? -1 : index;
    }

    /** Counted objects in all keys. */
    int instanceCount() {
        return instances.length;
    }

    int start(int key) {
        return firstInstance[key];
    }

    int end(int key) {
        return firstInstance[key + 1];
    }

    long id(int slot) {
        return instances[slot] >>> 31;
    }

    int ordinal(int slot) {
        return (int) (instances[slot] & Integer.MAX_VALUE);
    }
}
