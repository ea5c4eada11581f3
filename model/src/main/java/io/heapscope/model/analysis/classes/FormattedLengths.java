package io.heapscope.model.analysis.classes;

import io.heapscope.model.graph.StringTable;

/**
 * The length of each property name as {@link PropertyNames#format} spells it, worked out once per string and without
 * making the string when it needs no quotes (almost always).
 */
final class FormattedLengths {
    private final StringTable strings;
    /** Length + 1 per string index; 0 until asked for. */
    private final int[] lengths;

    FormattedLengths(StringTable strings) {
        this.strings = strings;
        this.lengths = new int[strings.size()];
    }

    int of(int index) {
        int known = lengths[index];
        if (known == 0) {
            known = 1 + (needsQuotes(index) ? PropertyNames.format(strings.get(index)).length()
                    : strings.length(index));
            lengths[index] = known;
        }
        return known - 1;
    }

    private boolean needsQuotes(int index) {
        for (int i = 0, n = strings.length(index); i < n; i++) {
            if (PropertyNames.isSpecial(strings.charAt(index, i))) {
                return true;
            }
        }
        return false;
    }
}
