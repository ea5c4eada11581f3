package io.heapscope.model.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A GitHub Markdown table, built column by column then row by row; {@link #toString()} gives the table text with
 * the columns padded, so it also reads well as plain text (in a terminal, or a pull request being edited).
 *
 * <p>Cells are escaped: {@code |} becomes {@code \|} and a line break {@code <br>}, so any heap string is safe in a
 * cell. Number columns are right-aligned ({@code ---:}). Not thread-safe; build, then print.
 */
public final class MarkdownTable {
    private final List<String> headers = new ArrayList<>();
    private final List<Boolean> rightAligned = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    /** An empty table; add the columns with {@link #column} and {@link #numberColumn}. */
    public MarkdownTable() {
    }

    /** A table of left-aligned columns with these headers. */
    public static MarkdownTable withColumns(String... headers) {
        MarkdownTable table = new MarkdownTable();
        for (String header : headers) {
            table.column(header);
        }
        return table;
    }

    /** Adds a left-aligned column (names, text). */
    public MarkdownTable column(String header) {
        return add(header, false);
    }

    /** Adds a right-aligned column (counts, sizes, percentages), so the digits line up as in DevTools. */
    public MarkdownTable numberColumn(String header) {
        return add(header, true);
    }

    private MarkdownTable add(String header, boolean right) {
        if (!rows.isEmpty()) {
            throw new IllegalStateException("add the columns before the rows");
        }
        headers.add(escape(header));
        rightAligned.add(right);
        return this;
    }

    /** Adds a row: one cell per column, unescaped (this escapes them); {@code null} is an empty cell. */
    public MarkdownTable row(String... cells) {
        return row(Arrays.asList(cells));
    }

    /** Adds a row: one cell per column, unescaped; {@code null} is an empty cell. */
    public MarkdownTable row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + headers.size() + " columns");
        }
        List<String> escaped = new ArrayList<>(cells.size());
        for (String cell : cells) {
            escaped.add(cell == null ? "" : escape(cell));
        }
        rows.add(escaped);
        return this;
    }

    public int columnCount() {
        return headers.size();
    }

    public int rowCount() {
        return rows.size();
    }

    /** The escaped header of column {@code column}. */
    public String header(int column) {
        return headers.get(column);
    }

    /** True for a right-aligned (number) column. */
    public boolean isNumberColumn(int column) {
        return rightAligned.get(column);
    }

    /** The escaped cells of row {@code index}, as printed. */
    public List<String> cells(int index) {
        return List.copyOf(rows.get(index));
    }

    /**
     * {@code a|b} becomes {@code a\|b}; a line break becomes {@code <br>} (GitHub renders it in a cell, a raw line
     * break would end the table); a backslash before a pipe stays a backslash.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '|' -> out.append("\\|");
                case '\\' -> out.append(i + 1 < text.length() && text.charAt(i + 1) == '|' ? "\\\\" : "\\");
                case '\r' -> {
                    out.append("<br>");
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> out.append("<br>");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The table, a line per row, each line ending with {@code \n}; only the header and rule when there are no rows. */
    @Override
    public String toString() {
        if (headers.isEmpty()) {
            return "";
        }
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            // A rule needs at least three characters (":--" or "--:").
            widths[c] = Math.max(3, width(headers.get(c)));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        out.append('|');
        for (int c = 0; c < widths.length; c++) {
            out.append(' ');
            if (rightAligned.get(c)) {
                out.append("-".repeat(widths[c] - 1)).append(':');
            } else {
                out.append("-".repeat(widths[c]));
            }
            out.append(" |");
        }
        out.append('\n');
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - width(cell));
            out.append(' ');
            if (rightAligned.get(c)) {
                out.append(padding).append(cell);
            } else {
                out.append(cell).append(padding);
            }
            out.append(" |");
        }
        out.append('\n');
    }

    /** Code points, so {@code ×} and {@code →} count once. */
    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
