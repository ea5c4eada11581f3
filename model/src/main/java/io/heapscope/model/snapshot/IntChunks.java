package io.heapscope.model.snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects an unknown number of ints in fixed-size chunks and joins them once at the end: no growing copies of a
 * large array while a section is read, and no guess of its size.
 */
final class IntChunks {
    private static final int CHUNK = 1 << 18;

    private final List<int[]> full = new ArrayList<>();
    private int[] current = new int[1024];
    private int used;

    void addAll(int[] values, int count) {
        int at = 0;
        while (at < count) {
            if (used == current.length) {
                if (current.length < CHUNK) {
                    current = java.util.Arrays.copyOf(current, CHUNK);
                } else {
                    full.add(current);
                    current = new int[CHUNK];
                    used = 0;
                }
            }
            int n = Math.min(count - at, current.length - used);
            System.arraycopy(values, at, current, used, n);
            used += n;
            at += n;
        }
    }

    int[] toArray() {
        int[] result = new int[full.size() * CHUNK + used];
        int at = 0;
        for (int[] chunk : full) {
            System.arraycopy(chunk, 0, result, at, CHUNK);
            at += CHUNK;
        }
        System.arraycopy(current, 0, result, at, used);
        return result;
    }
}
