package io.heapscope.model.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heapscope.model.graph.HeapGraph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * DevTools' own answers for one committed sample snapshot, as {@code samples/oracle-references.sh} wrote them to
 * {@code samples/snapshots/oracle/} with the DevTools oracle ({@code shared/oracle}). Per node (index = node
 * ordinal, since the oracle writes nodes in file order): id, Summary class name, shallow size, retained size,
 * distance, dominator id; the Summary rows; the totals of {@code summary.json}.
 *
 * <p>Text fields come back unescaped, but still cut as the oracle cuts them: a class name longer than
 * {@value #NODE_TEXT_LIMIT} UTF-16 units in the node file (and {@value #CLASS_TEXT_LIMIT} in the class file) is
 * its first that many units plus {@code …}. Compare a computed name through {@link #cutLikeNodes} or
 * {@link #cutLikeClasses}.
 *
 * <p>Loading reads the whole gzip'd node file: about 0.1 s and a few MB per sample.
 */
public final class OracleReference {
    /** Relative to the model module, where Maven runs its tests. */
    static final Path ORACLE_DIR = Path.of("..", "samples", "snapshots", "oracle");
    static final Path SNAPSHOT_DIR = Path.of("..", "samples", "snapshots");
    /** Every committed sample that has references. */
    public static final List<String> SAMPLES = List.of("tiny", "cjs-hot-reload-leak", "cjs-hot-reload-fixed",
            "vm-modules-leak", "trace-alloc", "pair-before", "pair-after", "listeners-leak", "global-array-leak",
            "inspector-snapshot", "cjs-hot-reload-transient", "esm-app", "reload-before", "reload-after",
            "browser-page");
    static final int NODE_TEXT_LIMIT = 200;
    static final int CLASS_TEXT_LIMIT = 300;

    private static final String NODES_HEADER = "id\tclass_name\tshallow_size\tretained_size\tdistance\tdominator_id";
    private static final String CLASSES_HEADER =
            "class_key\tclass_name\tcount\tshallow_size_sum\tretained_size_sum\tmin_distance";

    /** One Summary row of {@code classes.tsv}; rows keep the file's order (retained size sum, descending). */
    public record ClassRow(String classKey, String className, int count, long shallowSizeSum, long retainedSizeSum,
                    int minDistance) {
    }

    /** DevTools' Statistics view, from {@code summary.json}. */
    public record Statistics(long total, long nativeTotal, long typedArrays, long v8heapTotal, long code, long jsArrays,
                      long strings, long system) {
    }

    /** The fields of {@code summary.json} tests use. */
    public record Summary(int nodeCount, int edgeCount, long totalSelfSize, long rootRetainedSize, int nodesWithNoDistance,
                   Statistics statistics, List<String> problemReports) {
    }

    private final String sample;
    private final long[] ids;
    private final String[] classNames;
    private final long[] shallowSizes;
    private final long[] retainedSizes;
    private final int[] distances;
    private final long[] dominatorIds;
    private final List<ClassRow> classes;
    private final Summary summary;

    private OracleReference(String sample, long[] ids, String[] classNames, long[] shallowSizes,
                            long[] retainedSizes, int[] distances, long[] dominatorIds, List<ClassRow> classes,
                            Summary summary) {
        this.sample = sample;
        this.ids = ids;
        this.classNames = classNames;
        this.shallowSizes = shallowSizes;
        this.retainedSizes = retainedSizes;
        this.distances = distances;
        this.dominatorIds = dominatorIds;
        this.classes = classes;
        this.summary = summary;
    }

    /** The references of {@code samples/snapshots/NAME.heapsnapshot.gz}, e.g. {@code load("tiny")}. */
    public static OracleReference load(String sample) throws IOException {
        Summary summary = readSummary(ORACLE_DIR.resolve(sample + ".summary.json"));
        List<String[]> rows = readTsv(ORACLE_DIR.resolve(sample + ".nodes.tsv.gz"), NODES_HEADER);
        int count = rows.size();
        if (count != summary.nodeCount()) {
            throw new IOException(sample + ": " + count + " node rows but node_count " + summary.nodeCount());
        }
        long[] ids = new long[count];
        String[] classNames = new String[count];
        long[] shallow = new long[count];
        long[] retained = new long[count];
        int[] distances = new int[count];
        long[] dominators = new long[count];
        for (int n = 0; n < count; n++) {
            String[] row = rows.get(n);
            ids[n] = Long.parseLong(row[0]);
            classNames[n] = unescape(row[1]);
            shallow[n] = Long.parseLong(row[2]);
            retained[n] = Long.parseLong(row[3]);
            distances[n] = Integer.parseInt(row[4]);
            dominators[n] = Long.parseLong(row[5]);
        }
        List<ClassRow> classes = new ArrayList<>();
        for (String[] row : readTsv(ORACLE_DIR.resolve(sample + ".classes.tsv.gz"), CLASSES_HEADER)) {
            classes.add(new ClassRow(unescape(row[0]), unescape(row[1]), Integer.parseInt(row[2]),
                    Long.parseLong(row[3]), Long.parseLong(row[4]), Integer.parseInt(row[5])));
        }
        return new OracleReference(sample, ids, classNames, shallow, retained, distances, dominators,
                List.copyOf(classes), summary);
    }

    /** The snapshot these references were computed from. */
    public static Path snapshotFile(String sample) {
        return SNAPSHOT_DIR.resolve(sample + ".heapsnapshot.gz");
    }

    String sample() {
        return sample;
    }

    int nodeCount() {
        return ids.length;
    }

    long id(int node) {
        return ids[node];
    }

    /** DevTools' Summary group name, cut at {@value #NODE_TEXT_LIMIT} units (see {@link #cutLikeNodes}). */
    public String className(int node) {
        return classNames[node];
    }

    long shallowSize(int node) {
        return shallowSizes[node];
    }

    long retainedSize(int node) {
        return retainedSizes[node];
    }

    int distance(int node) {
        return distances[node];
    }

    /** The immediate dominator's V8 id; the root's is its own. */
    long dominatorId(int node) {
        return dominatorIds[node];
    }

    /**
     * Immediate dominators as ordinals, resolved through the reference's own ids (no graph needed). Ids are unique
     * in V8 output; a duplicate or an unknown dominator id fails, since then ordinals would be ambiguous.
     */
    int[] dominatorOrdinals() {
        Map<Long, Integer> ordinalOfId = new HashMap<>(ids.length * 2);
        for (int n = 0; n < ids.length; n++) {
            if (ordinalOfId.put(ids[n], n) != null) {
                throw new IllegalStateException(sample + ": duplicate node id " + ids[n]);
            }
        }
        int[] ordinals = new int[ids.length];
        for (int n = 0; n < ids.length; n++) {
            Integer dominator = ordinalOfId.get(dominatorIds[n]);
            if (dominator == null) {
                throw new IllegalStateException(sample + ": unknown dominator id " + dominatorIds[n]);
            }
            ordinals[n] = dominator;
        }
        return ordinals;
    }

    /** The Summary rows in the file's order. Rows can share a name: keys include the constructor's location. */
    public List<ClassRow> classes() {
        return classes;
    }

    public Summary summary() {
        return summary;
    }

    /**
     * DevTools' numbers as {@link NodeMeasures} over {@code graph}, which must be the same snapshot: so class naming
     * and the Summary can be tested on DevTools' own inputs, apart from our distances and dominators. Dominator ids
     * become ordinals through {@link HeapGraph#ordinalOfId}; an id mismatch fails here, not later.
     */
    public NodeMeasures asMeasures(HeapGraph graph) {
        if (graph.nodeCount() != ids.length) {
            throw new IllegalArgumentException(sample + ": the graph has " + graph.nodeCount()
                    + " nodes, the reference " + ids.length);
        }
        int[] dominators = new int[ids.length];
        for (int n = 0; n < ids.length; n++) {
            if (graph.nodeId(n) != ids[n]) {
                throw new IllegalArgumentException(sample + ": node " + n + " has id " + graph.nodeId(n)
                        + " in the graph, " + ids[n] + " in the reference");
            }
            dominators[n] = graph.ordinalOfId(dominatorIds[n]);
            if (dominators[n] < 0) {
                throw new IllegalArgumentException(sample + ": dominator id " + dominatorIds[n] + " not in the graph");
            }
        }
        return new Measures(shallowSizes, retainedSizes, distances, dominators);
    }

    /** {@code text} as the oracle writes it in nodes.tsv: longer than 200 UTF-16 units, cut and marked with …. */
    public static String cutLikeNodes(String text) {
        return cut(text, NODE_TEXT_LIMIT);
    }

    /** {@code text} as the oracle writes it in classes.tsv and diff.tsv (300 units). */
    public static String cutLikeClasses(String text) {
        return cut(text, CLASS_TEXT_LIMIT);
    }

    // JS's s.slice(0, max) counts UTF-16 units, as String.substring does. A surrogate pair cut in half becomes U+FFFD
    // in the oracle's UTF-8 file; no sample has one, so that case is not mirrored here.
    private static String cut(String text, int limit) {
        return text.length() > limit ? text.substring(0, limit) + "…" : text;
    }

    /** Reverses the oracle's escaping of {@code \ TAB LF CR} as {@code \\ \t \n \r}. */
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
                throw new IOException(file + ": header " + first + ", expected " + header);
            }
            int columns = header.split("\t").length;
            List<String[]> rows = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                // -1 keeps empty trailing fields; escaping guarantees no TAB inside a field.
                String[] row = line.split("\t", -1);
                if (row.length != columns) {
                    throw new IOException(file + ": row " + (rows.size() + 1) + " has " + row.length + " fields");
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static Summary readSummary(Path file) throws IOException {
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        JsonNode stats = json.required("statistics");
        Statistics statistics = new Statistics(stats.required("total").asLong(),
                stats.required("native").required("total").asLong(),
                stats.required("native").required("typedArrays").asLong(),
                stats.required("v8heap").required("total").asLong(),
                stats.required("v8heap").required("code").asLong(),
                stats.required("v8heap").required("jsArrays").asLong(),
                stats.required("v8heap").required("strings").asLong(),
                stats.required("v8heap").required("system").asLong());
        List<String> problems = new ArrayList<>();
        json.required("problem_reports").forEach(report -> problems.add(report.asText()));
        return new Summary(json.required("node_count").asInt(), json.required("edge_count").asInt(),
                json.required("total_self_size").asLong(), json.required("root_retained_size").asLong(),
                json.required("nodes_with_no_distance").asInt(), statistics, List.copyOf(problems));
    }

    /** The oracle's columns behind {@link NodeMeasures}. Shares the reference's arrays: neither ever changes them. */
    private static final class Measures implements NodeMeasures {
        private final long[] shallow;
        private final long[] retained;
        private final int[] distances;
        private final int[] dominators;

        Measures(long[] shallow, long[] retained, int[] distances, int[] dominators) {
            this.shallow = shallow;
            this.retained = retained;
            this.distances = distances;
            this.dominators = dominators;
        }

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
    }

    @Override
    public String toString() {
        return "OracleReference[" + sample + ", " + ids.length + " nodes, " + classes.size() + " classes]";
    }
}
