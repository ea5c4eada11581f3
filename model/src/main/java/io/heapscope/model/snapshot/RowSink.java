package io.heapscope.model.snapshot;

/**
 * Receives the rows of a number array section (nodes, edges, a side table) at known row indexes, so that two
 * threads can fill disjoint rows at once. {@link #ensureRows} is called by the reading thread while no fill runs.
 */
interface RowSink {

    /** Makes room for rows {@code [0, rowCount)}, or reports that the section holds more rows than it may. */
    void ensureRows(int rowCount) throws SnapshotFormatException;

    /**
     * Stores {@code rows} whole rows read from {@code numbers}, starting at {@code from}, as rows {@code firstRow},
     * {@code firstRow + 1}, ... May run on two threads at once, for disjoint rows.
     */
    void fill(int[] numbers, int from, int rows, int firstRow) throws SnapshotFormatException;
}
