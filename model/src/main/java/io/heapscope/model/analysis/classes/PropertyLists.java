package io.heapscope.model.analysis.classes;

import java.util.Arrays;

/**
 * Numbers distinct lists of string indexes in the order they are first added: an open-addressing hash set whose
 * lists lie back to back in one int array. Lets a pass over a million plain objects find each one's property list
 * without making a string per object.
 */
final class PropertyLists {
    private int[] pool = new int[1024];
    private int poolSize;
    /** List i is {@code pool[starts[i], starts[i + 1])}. */
    private int[] starts = new int[257];
    private int[] hashes = new int[256];
    private int size;
    /** List number + 1, or 0 for a free slot; never more than half full. */
    private int[] slots = new int[512];

    int size() {
        return size;
    }

    /** The number of the list {@code values[0, count)}: a new one, {@link #size()} before the call, if unseen. */
    int add(int[] values, int count) {
        int hash = hash(values, count);
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int list = slots[slot] - 1;
            if (list < 0) {
                slots[slot] = size + 1;
                return append(values, count, hash);
            }
            if (hashes[list] == hash && equals(list, values, count)) {
                return list;
            }
        }
    }

    private static int hash(int[] values, int count) {
        int hash = count;
        for (int i = 0; i < count; i++) {
            hash = 31 * hash + values[i];
        }
        // Spread the high bits down: the slot is taken from the low ones.
        return hash ^ (hash >>> 16);
    }

    private boolean equals(int list, int[] values, int count) {
        int start = starts[list];
        return starts[list + 1] - start == count
                && Arrays.equals(pool, start, start + count, values, 0, count);
    }

    private int append(int[] values, int count, int hash) {
        if (poolSize + count > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(poolSize + count, 2 * pool.length));
        }
        System.arraycopy(values, 0, pool, poolSize, count);
        poolSize += count;
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, 2 * size);
            starts = Arrays.copyOf(starts, 2 * size + 1);
        }
        hashes[size] = hash;
        starts[size + 1] = poolSize;
        int list = size++;
        if (2 * size > slots.length) {
            rehash();
        }
        return list;
    }

    private void rehash() {
        slots = new int[2 * slots.length];
        int mask = slots.length - 1;
        for (int list = 0; list < size; list++) {
            int slot = hashes[list] & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = list + 1;
        }
    }
}
