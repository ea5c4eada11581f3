package io.heapscope.model.graph;

import java.util.Arrays;

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

    /** Linear scan; for occasional look-ups such as finding a well-known name once. Returns -1 if absent. */
    public int indexOf(String value) {
        for (int i = 0; i < strings.length; i++) {
            if (strings[i].equals(value)) {
                return i;
            }
        }
        return -1;
    }

    /** Sum of the characters of all strings, as DevTools' 512 M-character limit counts them. */
    public long totalChars() {
        return Arrays.stream(strings).mapToLong(String::length).sum();
    }
}
