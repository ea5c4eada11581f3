package io.heapscope.model.analysis.order;

import io.heapscope.model.analysis.classes.ClassRow;
import io.heapscope.model.analysis.classes.ClassSummary;
import java.util.Locale;

/**
 * The Summary's rows in a column's order, optionally only those whose class name contains a text: the row
 * indexes of a {@link ClassSummary}, sorted on the rows' numbers. Ties keep the summary's own order (retained size
 * descending, then key), so sorting is stable across columns. Cost: linear in the rows plus the sort.
 */
public final class ClassOrder {
    private ClassOrder() {
    }

    /**
     * @param nameFilter a text the class name must contain, ignoring case; empty or {@code null} for all rows
     */
    public static int[] rows(ClassSummary summary, SortKey key, boolean ascending, String nameFilter) {
        String needle = nameFilter == null ? "" : nameFilter.toLowerCase(Locale.ROOT);
        int[] rows = new int[summary.rowCount()];
        int count = 0;
        for (int row = 0; row < rows.length; row++) {
            if (needle.isEmpty() || summary.row(row).name().toLowerCase(Locale.ROOT).contains(needle)) {
                rows[count++] = row;
            }
        }
        int[] kept = java.util.Arrays.copyOf(rows, count);
        IntSort.sort(kept, NodeOrder.directed(comparator(summary, key), ascending));
        return kept;
    }

    private static IntSort.IntComparator comparator(ClassSummary summary, SortKey key) {
        return switch (key) {
            case NAME -> (a, b) -> {
                ClassRow x = summary.row(a);
                ClassRow y = summary.row(b);
                int byName = x.name().compareTo(y.name());
                return byName != 0 ? byName : x.key().compareTo(y.key());
            };
            case DISTANCE -> (a, b) -> Integer.compare(summary.row(a).minDistance(), summary.row(b).minDistance());
            case COUNT -> (a, b) -> Integer.compare(summary.row(a).count(), summary.row(b).count());
            case SHALLOW_SIZE -> (a, b) -> Long.compare(summary.row(a).shallowSizeSum(),
                    summary.row(b).shallowSizeSum());
            case RETAINED_SIZE -> (a, b) -> Long.compare(summary.row(a).retainedSizeSum(),
                    summary.row(b).retainedSizeSum());
        };
    }
}
