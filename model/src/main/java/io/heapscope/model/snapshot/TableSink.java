package io.heapscope.model.snapshot;

import java.util.Arrays;

/** Collects a side table's rows ({@code locations}, {@code samples}, ...) into one flat array. */
final class TableSink implements RowSink {
    private final int width;
    private int[] values = new int[1024];

    TableSink(int width) {
        this.width = width;
    }

    @Override
    public void ensureRows(int rows) {
        long needed = (long) rows * width;
        if (needed > values.length) {
            values = Arrays.copyOf(values, SnapshotParser.grownCapacity(values.length, (int) Math.min(needed,
                    SnapshotParser.MAX_ARRAY)));
        }
    }

    @Override
    public void fill(int[] numbers, int from, int rows, int firstRow) {
        System.arraycopy(numbers, from, values, firstRow * width, rows * width);
    }

    int[] toArray(int rows) {
        return Arrays.copyOf(values, rows * width);
    }
}
