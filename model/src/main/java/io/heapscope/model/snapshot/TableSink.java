package io.heapscope.model.snapshot;

import java.util.Arrays;

/**
 * Collects a side table's rows ({@code locations}, {@code samples}, ...) into one flat array.
 *
 * <p>The header does not say how many rows a side table has. Growing one array by half again each time wrote the
 * table about three times over into fresh memory, and touching fresh memory is what costs most here (about 0.8 ms
 * per MB on the 2-core machine), so rows go into fixed blocks and are joined once at the end.
 */
final class TableSink implements RowSink {
    private static final int BLOCK_SHIFT = 18;
    private static final int BLOCK_SIZE = 1 << BLOCK_SHIFT;
    private static final int BLOCK_MASK = BLOCK_SIZE - 1;

    private final int width;
    private int[][] blocks = new int[4][];
    private int blockCount;

    TableSink(int width) {
        this.width = width;
    }

    @Override
    public void ensureRows(int rows) throws SnapshotFormatException {
        long needed = (long) rows * width;
        if (needed > SnapshotParser.MAX_ARRAY) {
            throw new SnapshotFormatException("the table holds more than " + SnapshotParser.MAX_ARRAY
                    + " numbers, more than can be held", null, -1);
        }
        while ((long) blockCount << BLOCK_SHIFT < needed) {
            if (blockCount == blocks.length) {
                blocks = Arrays.copyOf(blocks, blocks.length * 2);
            }
            blocks[blockCount++] = new int[BLOCK_SIZE];
        }
    }

    /**
     * New blocks are added beside the filled ones, never copied: a fill running meanwhile still finds its block in
     * the old list, and the caller publishes the new list (under a lock) before filling rows in the new blocks.
     */
    @Override
    public boolean reserveBesideFills(int rows) {
        if ((long) rows * width > SnapshotParser.MAX_ARRAY) {
            return false;
        }
        try {
            ensureRows(rows);
        } catch (SnapshotFormatException impossible) {
            throw new IllegalStateException(impossible);
        }
        return true;
    }

    @Override
    public void fill(int[] numbers, int from, int rows, int firstRow) {
        int index = firstRow * width;
        int remaining = rows * width;
        while (remaining > 0) {
            int offset = index & BLOCK_MASK;
            int n = Math.min(remaining, BLOCK_SIZE - offset);
            System.arraycopy(numbers, from, blocks[index >>> BLOCK_SHIFT], offset, n);
            from += n;
            index += n;
            remaining -= n;
        }
    }

    int[] toArray(int rows) {
        int length = rows * width;
        int[] values = new int[length];
        for (int start = 0, block = 0; start < length; start += BLOCK_SIZE, block++) {
            System.arraycopy(blocks[block], 0, values, start, Math.min(BLOCK_SIZE, length - start));
        }
        blocks = null;
        return values;
    }
}
