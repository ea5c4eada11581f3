package io.heapscope.model.report;

import io.heapscope.model.analysis.diff.DiffRow;
import io.heapscope.model.analysis.diff.SnapshotComparison;
import io.heapscope.model.format.ByteSizes;

import java.util.List;

/**
 * DevTools' Comparison view as a Markdown table: the rows of {@link SnapshotComparison#rows()} in their order
 * (DevTools' grid order: allocated size, then name, as {@code heapscope diff} prints them), with the same columns
 * and the same numbers as {@code heapscope diff}'s text: counts grouped, sizes human, growth with a plus sign.
 */
public final class ComparisonMarkdown {
    private ComparisonMarkdown() {
    }

    /** The table of {@code rows} (the first N of a comparison's rows, usually). */
    public static MarkdownTable table(List<DiffRow> rows) {
        MarkdownTable table = new MarkdownTable().column("Constructor").numberColumn("# New")
                .numberColumn("# Deleted").numberColumn("# Delta").numberColumn("Alloc. Size")
                .numberColumn("Freed Size").numberColumn("Size Delta");
        for (DiffRow row : rows) {
            table.row(cells(row));
        }
        return table;
    }

    /** One row's cells, unescaped: the class name whole, then the six numbers as {@code heapscope diff} writes them. */
    public static List<String> cells(DiffRow row) {
        return List.of(row.className(), ByteSizes.grouped(row.newCount()), ByteSizes.grouped(row.deletedCount()),
                signed(row.deltaCount(), ByteSizes.grouped(row.deltaCount())), ByteSizes.human(row.allocSize()),
                ByteSizes.human(row.freedSize()), signed(row.sizeDelta(), ByteSizes.human(row.sizeDelta())));
    }

    /** DevTools shows growth with a plus sign. */
    static String signed(long value, String text) {
        return value > 0 ? "+" + text : text;
    }
}
