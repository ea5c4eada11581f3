package io.heapscope.model.analysis.classes;

import java.util.Arrays;

/**
 * An open-addressing map from four ints to a dense id (0, 1, 2, … in insertion order), for keys that are hit once
 * per node: no boxing, no object per entry.
 */
final class QuadIndex {
    private int[] keys;
    private int[] ids;
    private int mask;
    private int size;

    QuadIndex() {
        allocate(64);
    }

    int size() {
        return size;
    }

    /** The id of the key, or -1. */
    int get(int a, int b, int c, int d) {
        for (int slot = hash(a, b, c, d) & mask; ; slot = (slot + 1) & mask) {
            int id = ids[slot];
            if (id < 0) {
                return -1;
            }
            int k = slot << 2;
            if (keys[k] == a && keys[k + 1] == b && keys[k + 2] == c && keys[k + 3] == d) {
                return id;
            }
        }
    }

    /** Adds a key that {@link #get} did not find, and returns its new id. */
    int add(int a, int b, int c, int d) {
        if ((size + 1) * 2 > ids.length) {
            grow();
        }
        insert(a, b, c, d, size);
        return size++;
    }

    private void insert(int a, int b, int c, int d, int id) {
        int slot = hash(a, b, c, d) & mask;
        while (ids[slot] >= 0) {
            slot = (slot + 1) & mask;
        }
        int k = slot << 2;
        keys[k] = a;
        keys[k + 1] = b;
        keys[k + 2] = c;
        keys[k + 3] = d;
        ids[slot] = id;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldIds = ids;
        allocate(oldIds.length * 2);
        for (int slot = 0; slot < oldIds.length; slot++) {
            if (oldIds[slot] >= 0) {
                int k = slot << 2;
                insert(oldKeys[k], oldKeys[k + 1], oldKeys[k + 2], oldKeys[k + 3], oldIds[slot]);
            }
        }
    }

    private void allocate(int capacity) {
        keys = new int[capacity * 4];
        ids = new int[capacity];
        Arrays.fill(ids, -1);
        mask = capacity - 1;
    }

    private static int hash(int a, int b, int c, int d) {
        int h = a * 0x9E3779B9 + b;
        h = h * 0x9E3779B9 + c;
        h = h * 0x9E3779B9 + d;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        return h ^ (h >>> 13);
    }
}
