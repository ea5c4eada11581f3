package io.heapscope.model.snapshot;

/**
 * Receives the rows of a number array section (nodes, edges, a side table) at known row indexes, so that two
 * threads can fill disjoint rows at once. {@link #ensureRows} is called by the reading thread while no fill runs.
 */
interface RowSink {

    /** Makes room for rows {@code [0, rowCount)}, or reports that the section holds more rows than it may. */
    void ensureRows(int rowCount) throws SnapshotFormatException;

    /**
     * Whether rows {@code [0, rowCount)} may be filled while other fills run: true if there is room for them
     * already, or if this sink can make room without moving rows being filled. False means: stop filling beside
     * each other, and go on with {@link #ensureRows}, which reports a section that holds more rows than it may.
     */
    boolean reserveBesideFills(int rowCount);

    /**
     * Stores {@code rows} whole rows read from {@code numbers}, starting at {@code from}, as rows {@code firstRow},
     * {@code firstRow + 1}, ... May run on two threads at once, for disjoint rows.
     */
    void fill(int[] numbers, int from, int rows, int firstRow) throws SnapshotFormatException;
}
