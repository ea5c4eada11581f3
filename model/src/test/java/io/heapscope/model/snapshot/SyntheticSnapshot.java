package io.heapscope.model.snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes small, valid snapshot text in V8's layout for tests, which then break it in one precise way. Node rows use
 * seven fields (type, name, id, self_size, edge_count, trace_node_id, detachedness) unless
 * {@link #withoutDetachedness()} is called; edges are (type, name_or_index, to_node ordinal).
 */
final class SyntheticSnapshot {
    static final String NODE_TYPES = "[\"hidden\",\"array\",\"string\",\"object\",\"code\",\"closure\",\"regexp\","
            + "\"number\",\"native\",\"synthetic\",\"concatenated string\",\"sliced string\",\"symbol\",\"bigint\","
            + "\"object shape\"]";
    static final String EDGE_TYPES = "[\"context\",\"element\",\"property\",\"internal\",\"hidden\",\"shortcut\","
            + "\"weak\"]";
    static final int SYNTHETIC = 9;
    static final int OBJECT = 3;
    static final int STRING = 2;
    static final int PROPERTY = 2;
    static final int ELEMENT = 1;
    static final int SHORTCUT = 5;

    private final List<long[]> nodes = new ArrayList<>();
    private final List<List<long[]>> edges = new ArrayList<>();
    private final List<String> strings = new ArrayList<>();
    private boolean detachedness = true;
    private String extraSections = "";

    SyntheticSnapshot withoutDetachedness() {
        detachedness = false;
        return this;
    }

    int stringCount() {
        return strings.size();
    }

    String stringAt(int index) {
        return strings.get(index);
    }

    int string(String value) {
        strings.add(value);
        return strings.size() - 1;
    }

    /** Adds a node and returns its ordinal. */
    int node(int type, String name, long id, long selfSize) {
        nodes.add(new long[]{type, string(name), id, selfSize});
        edges.add(new ArrayList<>());
        return nodes.size() - 1;
    }

    SyntheticSnapshot edge(int from, int type, String name, int to) {
        edges.get(from).add(new long[]{type, string(name), to});
        return this;
    }

    SyntheticSnapshot element(int from, int index, int to) {
        edges.get(from).add(new long[]{ELEMENT, index, to});
        return this;
    }

    /** Raw JSON inserted before "strings", e.g. {@code "locations":[1,2,3,4],}. */
    SyntheticSnapshot extraSections(String json) {
        extraSections = json;
        return this;
    }

    int fieldCount() {
        return detachedness ? 7 : 6;
    }

    String meta() {
        String nodeFields = detachedness
                ? "[\"type\",\"name\",\"id\",\"self_size\",\"edge_count\",\"trace_node_id\",\"detachedness\"]"
                : "[\"type\",\"name\",\"id\",\"self_size\",\"edge_count\",\"trace_node_id\"]";
        String nodeTypes = detachedness
                ? "[" + NODE_TYPES + ",\"string\",\"number\",\"number\",\"number\",\"number\",\"number\"]"
                : "[" + NODE_TYPES + ",\"string\",\"number\",\"number\",\"number\",\"number\"]";
        return "{\"node_fields\":" + nodeFields + ",\"node_types\":" + nodeTypes
                + ",\"edge_fields\":[\"type\",\"name_or_index\",\"to_node\"],"
                + "\"edge_types\":[" + EDGE_TYPES + ",\"string_or_number\",\"node\"],"
                + "\"trace_function_info_fields\":[\"function_id\",\"name\",\"script_name\",\"script_id\",\"line\","
                + "\"column\"],\"trace_node_fields\":[\"id\",\"function_info_index\",\"count\",\"size\","
                + "\"children\"],\"sample_fields\":[\"timestamp_us\",\"last_assigned_id\"],"
                + "\"location_fields\":[\"object_index\",\"script_id\",\"line\",\"column\"]}";
    }

    String header() {
        return header(nodes.size(), edgeCount());
    }

    String header(long nodeCount, long edgeCount) {
        return "{\"meta\":" + meta() + ",\"node_count\":" + nodeCount + ",\"edge_count\":" + edgeCount
                + ",\"trace_function_count\":0}";
    }

    int edgeCount() {
        return edges.stream().mapToInt(List::size).sum();
    }

    String nodesArray() {
        StringBuilder text = new StringBuilder("[");
        for (int n = 0; n < nodes.size(); n++) {
            long[] node = nodes.get(n);
            if (n > 0) {
                text.append("\n,");
            }
            text.append(node[0]).append(',').append(node[1]).append(',').append(node[2]).append(',')
                    .append(node[3]).append(',').append(edges.get(n).size()).append(",0");
            if (detachedness) {
                text.append(",0");
            }
        }
        return text.append(']').toString();
    }

    String edgesArray() {
        StringBuilder text = new StringBuilder("[");
        boolean first = true;
        for (List<long[]> list : edges) {
            for (long[] edge : list) {
                if (!first) {
                    text.append("\n,");
                }
                first = false;
                text.append(edge[0]).append(',').append(edge[1]).append(',').append(edge[2] * fieldCount());
            }
        }
        return text.append(']').toString();
    }

    String stringsArray() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < strings.size(); i++) {
            if (i > 0) {
                text.append(",\n");
            }
            text.append(quote(strings.get(i)));
        }
        return text.append(']').toString();
    }

    /** JSON string literal the way V8 writes it: ASCII only, everything else as \\u escapes. */
    static String quote(String value) {
        StringBuilder text = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                default -> {
                    if (c < 0x20 || c >= 0x7F) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        return text.append('"').toString();
    }

    String json() {
        return "{\"snapshot\":" + header() + ",\n\"nodes\":" + nodesArray() + ",\n\"edges\":" + edgesArray()
                + ",\n\"trace_function_infos\":[],\n\"trace_tree\":[],\n\"samples\":[],\n\"locations\":[],\n"
                + extraSections + "\"strings\":" + stringsArray() + "}";
    }

    /** A small graph shaped like a Node snapshot: root, GC roots, a global with a property and an array. */
    static SyntheticSnapshot small() {
        SyntheticSnapshot s = new SyntheticSnapshot();
        int root = s.node(SYNTHETIC, "", 1, 0);
        int gcRoots = s.node(SYNTHETIC, "(GC roots)", 3, 0);
        int global = s.node(OBJECT, "global", 5, 40);
        int text = s.node(STRING, "hello", 7, 24);
        int big = s.node(OBJECT, "Big", 4_000_000_001L, 4_000_000_000L);
        s.edge(root, SHORTCUT, "global", global);
        s.element(root, 1, gcRoots);
        s.edge(global, PROPERTY, "greeting", text);
        s.edge(global, PROPERTY, "big", big);
        s.element(gcRoots, 0, global);
        return s;
    }
}
