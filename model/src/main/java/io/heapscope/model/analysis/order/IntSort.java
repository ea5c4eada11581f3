package io.heapscope.model.analysis.order;

/**
 * A stable merge sort of {@code int} ordinals by a comparator of two ints: sorting a class's million instances by
 * retained size without boxing a million {@code Integer}s. Cost: n log n comparisons and one temporary int array of
 * the range's length.
 */
public final class IntSort {

    /** Compares two ordinals (nodes, edges or rows); the same contract as {@link java.util.Comparator}. */
    @FunctionalInterface
    public interface IntComparator {
        int compare(int a, int b);
    }

    /** Runs shorter than this are sorted by insertion, which beats merging them. */
    private static final int INSERTION_LIMIT = 24;

    private IntSort() {
    }

    /** Sorts {@code values} in place; equal elements keep their order. */
    public static void sort(int[] values, IntComparator order) {
        sort(values, 0, values.length, order);
    }

    /** Sorts {@code values[from, to)} in place; equal elements keep their order. */
    public static void sort(int[] values, int from, int to, IntComparator order) {
        if (to - from < 2) {
            return;
        }
        int[] buffer = new int[to - from];
        // Bottom-up, so no recursion: sorted runs first, then merges of doubling width, alternating buffers.
        for (int start = from; start < to; start += INSERTION_LIMIT) {
            insertionSort(values, start, Math.min(to, start + INSERTION_LIMIT), order);
        }
        int[] source = values;
        int[] target = buffer;
        int sourceOffset = from;
        int targetOffset = 0;
        for (int width = INSERTION_LIMIT; width < to - from; width *= 2) {
            for (int start = 0; start < to - from; start += 2 * width) {
                int middle = Math.min(start + width, to - from);
                int end = Math.min(start + 2 * width, to - from);
                merge(source, sourceOffset, target, targetOffset, start, middle, end, order);
            }
            int[] swap = source;
            source = target;
            target = swap;
            int offset = sourceOffset;
            sourceOffset = targetOffset;
            targetOffset = offset;
        }
        if (source != values) {
            System.arraycopy(source, sourceOffset, values, from, to - from);
        }
    }

    private static void insertionSort(int[] values, int from, int to, IntComparator order) {
        for (int i = from + 1; i < to; i++) {
            int value = values[i];
            int j = i - 1;
            while (j >= from && order.compare(values[j], value) > 0) {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = value;
        }
    }

    /** Merges the sorted runs {@code [start, middle)} and {@code [middle, end)} (relative to the offsets). */
    private static void merge(int[] source, int sourceOffset, int[] target, int targetOffset, int start, int middle,
                              int end, IntComparator order) {
        int left = start;
        int right = middle;
        for (int out = start; out < end; out++) {
            // Taking the left on ties keeps the sort stable.
            if (right >= end || (left < middle
                    && order.compare(source[sourceOffset + left], source[sourceOffset + right]) <= 0)) {
                target[targetOffset + out] = source[sourceOffset + left++];
            } else {
                target[targetOffset + out] = source[sourceOffset + right++];
            }
        }
    }
}
