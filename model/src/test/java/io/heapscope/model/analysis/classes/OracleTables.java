package io.heapscope.model.analysis.classes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heapscope.model.analysis.NodeMeasures;
import io.heapscope.model.graph.HeapGraph;

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
 * DevTools' answers for a committed sample ({@code samples/snapshots/oracle/NAME.*}), as this package's tests need
 * them: per node the class name and the measures, the Summary rows, the Statistics. (The analysis package's
 * {@code OracleReference} reads the same files but is package-private there.)
 */
final class OracleTables {
    static final Path ORACLE_DIR = Path.of("..", "samples", "snapshots", "oracle");
    static final Path SNAPSHOT_DIR = Path.of("..", "samples", "snapshots");
    static final int NODE_TEXT_LIMIT = 200;
    static final int CLASS_TEXT_LIMIT = 300;

    final long[] ids;
    final String[] classNames;
    final long[] shallow;
    final long[] retained;
    final int[] distances;
    final long[] dominatorIds;
    final List<ClassRow> rows;
    final HeapStatistics statistics;

    private OracleTables(long[] ids, String[] classNames, long[] shallow, long[] retained, int[] distances,
                         long[] dominatorIds, List<ClassRow> rows, HeapStatistics statistics) {
        this.ids = ids;
        this.classNames = classNames;
        this.shallow = shallow;
        this.retained = retained;
        this.distances = distances;
        this.dominatorIds = dominatorIds;
        this.rows = rows;
        this.statistics = statistics;
    }

    static Path snapshotFile(String sample) {
        return SNAPSHOT_DIR.resolve(sample + ".heapsnapshot.gz");
    }

    static OracleTables load(String sample) throws IOException {
        List<String[]> nodes = readTsv(ORACLE_DIR.resolve(sample + ".nodes.tsv.gz"),
                "id\tclass_name\tshallow_size\tretained_size\tdistance\tdominator_id");
        int count = nodes.size();
        long[] ids = new long[count];
        String[] names = new String[count];
        long[] shallow = new long[count];
        long[] retained = new long[count];
        int[] distances = new int[count];
        long[] dominators = new long[count];
        for (int n = 0; n < count; n++) {
            String[] row = nodes.get(n);
            ids[n] = Long.parseLong(row[0]);
            names[n] = unescape(row[1]);
            shallow[n] = Long.parseLong(row[2]);
            retained[n] = Long.parseLong(row[3]);
            distances[n] = Integer.parseInt(row[4]);
            dominators[n] = Long.parseLong(row[5]);
        }
        List<ClassRow> rows = new ArrayList<>();
        for (String[] row : readTsv(ORACLE_DIR.resolve(sample + ".classes.tsv.gz"),
                "class_key\tclass_name\tcount\tshallow_size_sum\tretained_size_sum\tmin_distance")) {
            rows.add(new ClassRow(unescape(row[0]), unescape(row[1]), Integer.parseInt(row[2]),
                    Long.parseLong(row[3]), Long.parseLong(row[4]), Integer.parseInt(row[5])));
        }
        JsonNode stats = new ObjectMapper().readTree(ORACLE_DIR.resolve(sample + ".summary.json").toFile())
                .required("statistics");
        JsonNode v8 = stats.required("v8heap");
        HeapStatistics statistics = new HeapStatistics(stats.required("total").asLong(),
                stats.required("native").required("total").asLong(),
                stats.required("native").required("typedArrays").asLong(), v8.required("total").asLong(),
                v8.required("code").asLong(), v8.required("jsArrays").asLong(), v8.required("strings").asLong(),
                v8.required("system").asLong());
        return new OracleTables(ids, names, shallow, retained, distances, dominators, List.copyOf(rows), statistics);
    }

    /** DevTools' numbers as measures over {@code graph} (the same snapshot; ids must agree). */
    NodeMeasures measures(HeapGraph graph) {
        int[] dominators = new int[ids.length];
        for (int n = 0; n < ids.length; n++) {
            if (graph.nodeId(n) != ids[n]) {
                throw new IllegalArgumentException("node " + n + ": id " + graph.nodeId(n) + " vs " + ids[n]);
            }
            dominators[n] = graph.ordinalOfId(dominatorIds[n]);
        }
        return new NodeMeasures() {
            @Override
            public long shallowSize(int node) {
                return shallow[node];
            }

            @Override
            public long retainedSize(int node) {
                return retained[node];
            }

            @Override
            public int distance(int node) {
                return distances[node];
            }

            @Override
            public int dominator(int node) {
                return dominators[node];
            }
        };
    }

    /** As the oracle cuts text: longer than {@code limit} UTF-16 units → the first {@code limit} plus …. */
    static String cut(String text, int limit) {
        return text.length() > limit ? text.substring(0, limit) + "…" : text;
    }

    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 == field.length()) {
                out.append(c);
                continue;
            }
            char next = field.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case '\\' -> out.append('\\');
                default -> out.append('\\').append(next);
            }
        }
        return out.toString();
    }

    private static List<String[]> readTsv(Path file, String header) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            String first = in.readLine();
            if (!header.equals(first)) {
                throw new IOException(file + ": header " + first);
            }
            int columns = header.split("\t").length;
            List<String[]> rows = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] row = line.split("\t", -1);
                if (row.length != columns) {
                    throw new IOException(file + ": row " + (rows.size() + 1) + " has " + row.length + " fields");
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
