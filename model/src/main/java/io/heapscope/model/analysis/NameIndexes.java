package io.heapscope.model.analysis;

import io.heapscope.model.graph.StringTable;

import java.util.Arrays;

/**
 * The string indexes that hold a given text, so hot loops compare ints instead of strings. V8 writes each string
 * once, so there is normally one index (or none); duplicates would still be found. Finding them makes no
 * {@link String} of the others: most strings are never asked for.
 */
public final class NameIndexes {
    private final int[] indexes;

    public NameIndexes(StringTable strings, String text) {
        int[] found = new int[0];
        for (int i = 0; i < strings.size(); i++) {
            if (strings.is(i, text)) {
                found = Arrays.copyOf(found, found.length + 1);
                found[found.length - 1] = i;
            }
        }
        indexes = found;
    }

    public boolean matches(int nameIndex) {
        for (int index : indexes) {
            if (index == nameIndex) {
                return true;
            }
        }
        return false;
    }
}
