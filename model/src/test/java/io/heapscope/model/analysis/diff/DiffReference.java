package io.heapscope.model.analysis.diff;

import io.heapscope.model.analysis.OracleReference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * DevTools' Comparison view of two committed samples, as {@code samples/oracle-references.sh} wrote it with the
 * oracle ({@code NAME.diff.tsv.gz}): the rows in the grid's default order, text cut at 300 UTF-16 units and
 * escaped as in the oracle's other files.
 *
 * @param name   the reference file's name
 * @param base   the sample compared against
 * @param target the sample looked at
 */
record DiffReference(String name, String base, String target) {
    static final String HEADER =
            "class_key\tclass_name\tnew_count\tdeleted_count\tdelta_count\talloc_size\tfreed_size\tsize_delta";
    private static final Path ORACLE_DIR = Path.of("..", "samples", "snapshots", "oracle");

    /** Every committed comparison reference. */
    static final List<DiffReference> ALL = List.of(
            new DiffReference("pair", "pair-before", "pair-after"),
            new DiffReference("pair-reversed", "pair-after", "pair-before"),
            new DiffReference("cjs-fixed-to-leak", "cjs-hot-reload-fixed", "cjs-hot-reload-leak"),
            new DiffReference("cjs-leak-to-fixed", "cjs-hot-reload-leak", "cjs-hot-reload-fixed"),
            new DiffReference("reload", "reload-before", "reload-after"));

    Path file() {
        return ORACLE_DIR.resolve(name + ".diff.tsv.gz");
    }

    /** The rows, unescaped. */
    List<DiffRow> rows() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file())), StandardCharsets.UTF_8))) {
            if (!HEADER.equals(in.readLine())) {
                throw new IOException(file() + ": unexpected header");
            }
            List<DiffRow> rows = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t", -1);
                rows.add(new DiffRow(unescape(f[0]), unescape(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                        Integer.parseInt(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7])));
            }
            return rows;
        }
    }

    /** A computed row as the oracle writes it: key and name cut at 300 units. */
    static DiffRow cutLikeOracle(DiffRow row) {
        return new DiffRow(OracleReference.cutLikeClasses(row.classKey()),
                OracleReference.cutLikeClasses(row.className()), row.newCount(), row.deletedCount(),
                row.deltaCount(), row.allocSize(), row.freedSize(), row.sizeDelta());
    }

    /** Reverses the oracle's escaping of {@code \ TAB LF CR}. */
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return name + " (" + target + " compared with " + base + ")";
    }
}
