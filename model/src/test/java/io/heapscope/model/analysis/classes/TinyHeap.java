package io.heapscope.model.analysis.classes;

import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.HeapSnapshot;
import io.heapscope.model.snapshot.SnapshotReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds small snapshots in V8's layout (seven node fields, with detachedness) for this package's tests. Node 0 is
 * the synthetic root; ids are 1, 3, 5, … in node order.
 */
public final class TinyHeap {
    static final String[] NODE_TYPES = {"hidden", "array", "string", "object", "code", "closure", "regexp",
            "number", "native", "synthetic", "concatenated string", "sliced string", "symbol", "bigint",
            "object shape"};
    static final String[] EDGE_TYPES = {"context", "element", "property", "internal", "hidden", "shortcut", "weak"};

    private final List<long[]> nodes = new ArrayList<>();
    private final List<List<long[]>> edges = new ArrayList<>();
    private final List<String> strings = new ArrayList<>();
    private final List<long[]> locations = new ArrayList<>();

    public TinyHeap() {
        node("synthetic", "", 0);
    }

    static int nodeType(String name) {
        return List.of(NODE_TYPES).indexOf(name);
    }

    private int string(String value) {
        int index = strings.indexOf(value);
        if (index < 0) {
            strings.add(value);
            index = strings.size() - 1;
        }
        return index;
    }

    /** Adds {@code value} to the strings again, as V8 never would; returns its new index. */
    int duplicateString(String value) {
        strings.add(value);
        return strings.size() - 1;
    }

    /** An edge named by a string index, such as one from {@link #duplicateString}. */
    TinyHeap edge(int from, String type, int nameIndex, int to) {
        edges.get(from).add(new long[]{List.of(EDGE_TYPES).indexOf(type), nameIndex, to});
        return this;
    }

    public int node(String type, String name, long selfSize) {
        return node(type, name, selfSize, 0);
    }

    /** Adds a node and returns its ordinal. */
    int node(String type, String name, long selfSize, int detachedness) {
        int typeCode = nodeType(type);
        if (typeCode < 0) {
            throw new IllegalArgumentException(type);
        }
        nodes.add(new long[]{typeCode, string(name), 2L * nodes.size() + 1, selfSize, detachedness});
        edges.add(new ArrayList<>());
        return nodes.size() - 1;
    }

    public TinyHeap edge(int from, String type, String name, int to) {
        int typeCode = List.of(EDGE_TYPES).indexOf(type);
        long nameOrIndex = type.equals("element") || type.equals("hidden") ? Long.parseLong(name) : string(name);
        edges.get(from).add(new long[]{typeCode, nameOrIndex, to});
        return this;
    }

    /** A plain object ({@code Object}) with property edges of these names to one shared string node. */
    int plainObject(String... properties) {
        int object = node("object", "Object", 16);
        int value = node("string", "v", 16);
        for (String property : properties) {
            edge(object, "property", property, value);
        }
        return object;
    }

    TinyHeap location(int node, int scriptId, int line, int column) {
        locations.add(new long[]{node * 7L, scriptId, line, column});
        return this;
    }

    int nodeCount() {
        return nodes.size();
    }

    String json() {
        StringBuilder text = new StringBuilder();
        text.append("{\"snapshot\":{\"meta\":{\"node_fields\":[\"type\",\"name\",\"id\",\"self_size\",\"edge_count\","
                + "\"trace_node_id\",\"detachedness\"],\"node_types\":[[");
        for (int i = 0; i < NODE_TYPES.length; i++) {
            text.append(i > 0 ? "," : "").append('"').append(NODE_TYPES[i]).append('"');
        }
        text.append("],\"string\",\"number\",\"number\",\"number\",\"number\",\"number\"],"
                + "\"edge_fields\":[\"type\",\"name_or_index\",\"to_node\"],\"edge_types\":[[");
        for (int i = 0; i < EDGE_TYPES.length; i++) {
            text.append(i > 0 ? "," : "").append('"').append(EDGE_TYPES[i]).append('"');
        }
        int edgeCount = edges.stream().mapToInt(List::size).sum();
        text.append("],\"string_or_number\",\"node\"],\"trace_function_info_fields\":[],\"trace_node_fields\":[],"
                + "\"sample_fields\":[],\"location_fields\":[\"object_index\",\"script_id\",\"line\",\"column\"]},"
                + "\"node_count\":").append(nodes.size()).append(",\"edge_count\":").append(edgeCount)
                .append(",\"trace_function_count\":0},\n\"nodes\":[");
        for (int n = 0; n < nodes.size(); n++) {
            long[] node = nodes.get(n);
            text.append(n > 0 ? ",\n" : "").append(node[0]).append(',').append(node[1]).append(',').append(node[2])
                    .append(',').append(node[3]).append(',').append(edges.get(n).size()).append(",0,")
                    .append(node[4]);
        }
        text.append("],\n\"edges\":[");
        boolean first = true;
        for (List<long[]> list : edges) {
            for (long[] edge : list) {
                text.append(first ? "" : ",\n").append(edge[0]).append(',').append(edge[1]).append(',')
                        .append(edge[2] * 7);
                first = false;
            }
        }
        text.append("],\n\"trace_function_infos\":[],\"trace_tree\":[],\"samples\":[],\"locations\":[");
        for (int i = 0; i < locations.size(); i++) {
            long[] row = locations.get(i);
            text.append(i > 0 ? "," : "").append(row[0]).append(',').append(row[1]).append(',').append(row[2])
                    .append(',').append(row[3]);
        }
        text.append("],\n\"strings\":[");
        for (int i = 0; i < strings.size(); i++) {
            text.append(i > 0 ? ",\n" : "").append(quote(strings.get(i)));
        }
        return text.append("]}").toString();
    }

    public HeapSnapshot snapshot() {
        byte[] bytes = json().getBytes(StandardCharsets.UTF_8);
        try {
            return SnapshotReader.read(new ByteArrayInputStream(bytes), bytes.length, ProgressMonitor.none());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String value) {
        StringBuilder text = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                text.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7F) {
                text.append(String.format("\\u%04x", (int) c));
            } else {
                text.append(c);
            }
        }
        return text.append('"').toString();
    }
}
