package io.heapscope.model.graph;

/**
 * The snapshot's {@code strings} section: every name in the graph is an index into it. Each string is stored once,
 * as the snapshot wrote it (Java strings keep ASCII-only text in one byte per character).
 */
public final class StringTable {
    private final String[] strings;

    /** Takes ownership of {@code strings}. */
    public StringTable(String[] strings) {
        this.strings = strings;
    }

    public int size() {
        return strings.length;
    }

    /** Fast, in memory. */
    public String get(int index) {
        return strings[index];
    }

    public boolean contains(int index) {
        return index >= 0 && index < strings.length;
    }
}
