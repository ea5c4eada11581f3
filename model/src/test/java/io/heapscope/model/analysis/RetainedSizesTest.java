package io.heapscope.model.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetainedSizesTest {
    /** Node 0 dominates 1 and 3, node 1 dominates 2; preorder 0, 1, 2, 3 as 1-based vertices. */
    private static final int[] DOMINATORS = {0, 0, 1, 0};
    private static final int[] PREORDER_VERTICES = {0, 1, 2, 3, 4};

    @Test
    void sumsIntoTheSpareArrayWhileTheTotalFitsIn32Bits() {
        int[] shallow = {10, 20, (int) 0xF000_0000L, 5};
        int[] spare = new int[5];

        RetainedSizes retained = RetainedSizes.sum(n -> shallow[n], DOMINATORS, 4, PREORDER_VERTICES, 1, spare);

        assertEquals(10 + 20 + 0xF000_0000L + 5, retained.get(0), "unsigned, near the 32-bit limit");
        assertEquals(20 + 0xF000_0000L, retained.get(1));
        assertEquals(0xF000_0000L, retained.get(2));
        assertEquals(5, retained.get(3));
        assertEquals(retained.get(1), Integer.toUnsignedLong(spare[1]), "the spare array holds the sums");
    }

    @Test
    void takesLongsOnceTheTotalPasses32Bits() {
        int[] shallow = {(int) 0xF000_0000L, (int) 0xF000_0000L, (int) 0xF000_0000L, 7};
        int[] spare = new int[5];

        RetainedSizes retained = RetainedSizes.sum(n -> shallow[n], DOMINATORS, 4, PREORDER_VERTICES, 1, spare);

        assertEquals(3 * 0xF000_0000L + 7, retained.get(0));
        assertEquals(2 * 0xF000_0000L, retained.get(1));
        assertEquals(0xF000_0000L, retained.get(2));
        assertEquals(0, spare[0], "the spare array is left alone");
    }
}
