package io.heapscope.model.analysis;

import java.util.function.IntUnaryOperator;

/**
 * Retained size per node ordinal. No retained size exceeds the heap's total, which almost always fits in 32 bits
 * unsigned: then an int a node is enough, half of what longs take, and the dominator tree can sum sizes in an array
 * it no longer needs. Only heaps of 4 GB or more take longs.
 */
final class RetainedSizes {
    private static final long NARROW_LIMIT = 0xFFFF_FFFFL;

    private final int[] narrow;
    private final long[] wide;

    private RetainedSizes(int[] narrow, long[] wide) {
        this.narrow = narrow;
        this.wide = wide;
    }

    /**
     * Sums each node's shallow size into its dominators': {@code order} lists node ordinals so that every node
     * comes after its dominator ({@code order[1..count]}, as the tree's preorder numbering), and {@code spare}, an
     * array of at least {@code count} ints that the caller no longer needs, is used when the total fits.
     */
    static RetainedSizes sum(IntUnaryOperator shallowSizes, int[] dominators, int count, int[] order, int orderShift,
                             int[] spare) {
        long total = 0;
        for (int node = 0; node < count; node++) {
            total += Integer.toUnsignedLong(shallowSizes.applyAsInt(node));
        }
        if (total <= NARROW_LIMIT) {
            // Unsigned ints: a sum never passes the total, so it never wraps.
            for (int node = 0; node < count; node++) {
                spare[node] = shallowSizes.applyAsInt(node);
            }
            for (int i = count; i > 1; i--) {
                int node = order[i] - orderShift;
                spare[dominators[node]] += spare[node];
            }
            return new RetainedSizes(spare, null);
        }
        long[] retained = new long[count];
        for (int node = 0; node < count; node++) {
            retained[node] = Integer.toUnsignedLong(shallowSizes.applyAsInt(node));
        }
        for (int i = count; i > 1; i--) {
            int node = order[i] - orderShift;
            retained[dominators[node]] += retained[node];
        }
        return new RetainedSizes(null, retained);
    }

    long get(int node) {
        return narrow != null ? Integer.toUnsignedLong(narrow[node]) : wide[node];
    }
}
