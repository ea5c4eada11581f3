package io.heapscope.model.snapshot;

import java.util.Arrays;

/** A growable {@code int[]} for the trace tree, whose length the header does not announce. */
final class IntArrayBuilder {
    private int[] values;
    private int size;

    IntArrayBuilder(int initialCapacity) {
        values = new int[Math.max(16, initialCapacity)];
    }

    void add(int value) {
        if (size == values.length) {
            grow(size + 1);
        }
        values[size++] = value;
    }

    void set(int index, int value) {
        values[index] = value;
    }

    int get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    int removeLast() {
        return values[--size];
    }

    int[] toArray() {
        return values.length == size ? values : Arrays.copyOf(values, size);
    }

    private void grow(int needed) {
        long proposed = Math.max(needed, values.length + (values.length >> 1) + 16L);
        if (needed < 0 || proposed > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("array section too large for one Java array");
        }
        values = Arrays.copyOf(values, (int) proposed);
    }
}
