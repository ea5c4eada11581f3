package io.heapscope.model.analysis.order;

import java.util.Objects;
import java.util.function.IntToLongFunction;

/**
 * An array of ordinals in a comparator's order, sorted only as far as it is read: the views show a list a page at a
 * time, and a class with two million instances should show its first page without sorting two million. Reading
 * index {@code i} first moves the smallest elements not yet sorted to the front (a quickselect, linear in what is
 * left) and sorts just those; the sorted prefix at least doubles each time, so reading the whole array costs about
 * what one full sort does.
 *
 * <p>Ties are broken by the ordinal itself. The arrays the views sort list their ordinals ascending (a class's
 * instances, a node's dominated children, a node's edges), so the result is exactly a stable sort of them, which
 * is also the order DevTools shows.
 *
 * <p>No recursion; not thread-safe (a view's FX thread reads it).
 */
public final class LazySortedInts {
    /** The fewest elements sorted at a time; small arrays are sorted whole on the first read. */
    static final int CHUNK = 1000;
    private static final int INSERTION_LIMIT = 16;

    private final int[] values;
    /** The positions in {@link #values}, sorted as far as {@link #sorted}; what the sorts move. */
    private final int[] positions;
    /** A number per position whose order agrees with the comparator's first criterion; null if none. */
    private final long[] keys;
    /** Compares positions: by key, then by the comparator, then by position (that is, by ordinal). */
    private final IntSort.IntComparator byPosition;
    /** {@code positions[0, sorted)} are the smallest, in order. */
    private int sorted;

    /**
     * @param values ordinals, ascending (see the class comment); taken over, not copied
     * @param order  the order wanted; ties are then broken by ordinal
     */
    public LazySortedInts(int[] values, IntSort.IntComparator order) {
        this(values, null, false, order);
    }

    /**
     * A sort that first compares a number per element, read once into an array of its own, and asks
     * {@code order} only on ties: the numbers of two million objects are scattered over the heap's arrays, and
     * reading them again for every comparison is what makes a sort slow.
     *
     * @param key        a number whose order agrees with {@code order}'s first criterion (or {@code null})
     * @param descending whether {@code order} puts bigger numbers first
     */
    public LazySortedInts(int[] values, IntToLongFunction key, boolean descending, IntSort.IntComparator order) {
        this.values = Objects.requireNonNull(values, "values");
        Objects.requireNonNull(order, "order");
        this.positions = new int[values.length];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        if (key == null) {
            keys = null;
        } else {
            keys = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                keys[i] = key.applyAsLong(values[i]);
            }
        }
        long[] k = keys;
        this.byPosition = (a, b) -> {
            if (k != null && k[a] != k[b]) {
                return descending ? Long.compare(k[b], k[a]) : Long.compare(k[a], k[b]);
            }
            int result = order.compare(values[a], values[b]);
            return result != 0 ? result : Integer.compare(a, b);
        };
    }

    public int length() {
        return values.length;
    }

    /** The element at {@code index} of the sorted order. */
    public int get(int index) {
        Objects.checkIndex(index, values.length);
        if (index >= sorted) {
            sortThrough(index);
        }
        return values[positions[index]];
    }

    /**
     * The index of {@code value} in the sorted order, or -1 if the array does not hold it. One pass over the array
     * (its rank: how many elements come before it), without sorting anything.
     */
    public int positionOf(int value) {
        // The values are ascending: where the value is, if anywhere, is a binary search away.
        int position = java.util.Arrays.binarySearch(values, value);
        if (position < 0) {
            return -1;
        }
        if (sorted == values.length) {
            for (int i = 0; i < positions.length; i++) {
                if (positions[i] == position) {
                    return i;
                }
            }
        }
        int rank = 0;
        for (int other = 0; other < values.length; other++) {
            if (other != position && byPosition.compare(other, position) < 0) {
                rank++;
            }
        }
        return rank;
    }

    /** How many elements are sorted so far: for tests and benchmarks. */
    public int sortedCount() {
        return sorted;
    }

    private void sortThrough(int index) {
        int remaining = values.length - sorted;
        int target = Math.max(index + 1, sorted + Math.max(CHUNK, sorted));
        if (target >= values.length || remaining <= 2 * CHUNK) {
            target = values.length;
        } else {
            select(positions, sorted, values.length, target, byPosition);
        }
        IntSort.sort(positions, sorted, target, byPosition);
        sorted = target;
    }

    /**
     * Rearranges {@code a[from, to)} so that {@code a[from, boundary)} holds its smallest elements (in any order):
     * an iterative quickselect with a median-of-three pivot and a three-way partition.
     */
    static void select(int[] a, int from, int to, int boundary, IntSort.IntComparator order) {
        int left = from;
        int right = to - 1;
        while (right > left) {
            if (right - left < INSERTION_LIMIT) {
                IntSort.sort(a, left, right + 1, order);
                return;
            }
            int pivot = medianOfThree(a[left], a[(left + right) >>> 1], a[right], order);
            // [left, lt) < pivot, [lt, i) == pivot, (gt, right] > pivot.
            int lt = left;
            int i = left;
            int gt = right;
            while (i <= gt) {
                int compared = order.compare(a[i], pivot);
                if (compared < 0) {
                    swap(a, lt++, i++);
                } else if (compared > 0) {
                    swap(a, i, gt--);
                } else {
                    i++;
                }
            }
            if (boundary < lt) {
                right = lt - 1;
            } else if (boundary > gt + 1) {
                left = gt + 1;
            } else {
                return;
            }
        }
    }

    private static int medianOfThree(int a, int b, int c, IntSort.IntComparator order) {
        if (order.compare(a, b) > 0) {
            int swap = a;
            a = b;
            b = swap;
        }
        if (order.compare(b, c) > 0) {
            b = c;
            if (order.compare(a, b) > 0) {
                b = a;
            }
        }
        return b;
    }

    private static void swap(int[] a, int i, int j) {
        int value = a[i];
        a[i] = a[j];
        a[j] = value;
    }
}
