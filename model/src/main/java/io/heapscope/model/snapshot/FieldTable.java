package io.heapscope.model.snapshot;

import java.util.List;

/**
 * A flat table of unsigned 32-bit numbers with named columns, as the snapshot stores its side sections
 * ({@code trace_function_infos}, {@code samples}, {@code locations}, and the flattened {@code trace_tree}).
 * Immutable once read.
 */
public final class FieldTable {
    private static final FieldTable EMPTY = new FieldTable(List.of(), new int[0]);

    private final List<String> fields;
    private final int[] values;

    FieldTable(List<String> fields, int[] values) {
        this.fields = List.copyOf(fields);
        this.values = values;
    }

    static FieldTable empty() {
        return EMPTY;
    }

    public List<String> fields() {
        return fields;
    }

    public int rowCount() {
        return fields.isEmpty() ? 0 : values.length / fields.size();
    }

    public boolean isEmpty() {
        return rowCount() == 0;
    }

    /** The column of a field name, or -1. */
    public int column(String field) {
        return fields.indexOf(field);
    }

    public long get(int row, int column) {
        return Integer.toUnsignedLong(values[row * fields.size() + column]);
    }
}
