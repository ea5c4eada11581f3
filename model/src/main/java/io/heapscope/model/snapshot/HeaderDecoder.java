package io.heapscope.model.snapshot;

import io.heapscope.model.graph.TypeNames;

import java.util.List;
import java.util.Map;

/** Turns the {@code snapshot} object, read as plain maps and lists, into a {@link SnapshotHeader}. */
final class HeaderDecoder {
    private static final String SECTION = "snapshot";
    private final long offset;

    private HeaderDecoder(long offset) {
        this.offset = offset;
    }

    /** @param offset where the header starts, for error messages */
    static SnapshotHeader decode(Object value, long offset) throws SnapshotFormatException {
        return new HeaderDecoder(offset).header(value);
    }

    private SnapshotHeader header(Object value) throws SnapshotFormatException {
        Map<?, ?> snapshot = object(value, "snapshot");
        Map<?, ?> meta = object(snapshot.get("meta"), "snapshot.meta");
        List<String> nodeFields = strings(meta, "node_fields", true);
        List<String> edgeFields = strings(meta, "edge_fields", true);
        TypeNames nodeTypes = typeNames(meta, "node_types", nodeFields);
        TypeNames edgeTypes = typeNames(meta, "edge_types", edgeFields);
        SnapshotMeta layout = new SnapshotMeta(nodeFields, nodeTypes, edgeFields, edgeTypes,
                strings(meta, "trace_function_info_fields", false), strings(meta, "trace_node_fields", false),
                strings(meta, "sample_fields", false), strings(meta, "location_fields", false));
        Object title = snapshot.get("title");
        return new SnapshotHeader(layout, count(snapshot, "node_count", true), count(snapshot, "edge_count", true),
                count(snapshot, "trace_function_count", false), count(snapshot, "extra_native_bytes", false),
                title instanceof String text ? text : "");
    }

    private TypeNames typeNames(Map<?, ?> meta, String key, List<String> fields) throws SnapshotFormatException {
        Object types = meta.get(key);
        if (!(types instanceof List<?> list) || list.isEmpty()) {
            throw problem("snapshot.meta." + key + " is missing or not a list");
        }
        int typeField = fields.indexOf("type");
        if (typeField < 0) {
            throw problem("snapshot.meta has no \"type\" field in " + (key.startsWith("node") ? "node" : "edge")
                    + "_fields");
        }
        if (typeField >= list.size() || !(list.get(typeField) instanceof List<?> names) || names.isEmpty()) {
            throw problem("snapshot.meta." + key + " does not list the type names");
        }
        for (Object name : names) {
            if (!(name instanceof String)) {
                throw problem("snapshot.meta." + key + " holds a type name that is not a string");
            }
        }
        if (names.size() > 127) {
            throw problem("snapshot.meta." + key + " lists " + names.size() + " types; at most 127 are supported");
        }
        @SuppressWarnings("unchecked")
        List<String> typed = (List<String>) names;
        return new TypeNames(typed);
    }

    private List<String> strings(Map<?, ?> meta, String key, boolean required) throws SnapshotFormatException {
        Object value = meta.get(key);
        if (value == null && !required) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || (required && list.isEmpty())) {
            throw problem("snapshot.meta." + key + " is missing or not a list of names");
        }
        for (Object name : list) {
            if (!(name instanceof String)) {
                throw problem("snapshot.meta." + key + " holds a field name that is not a string");
            }
        }
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) list;
        return names;
    }

    private long count(Map<?, ?> snapshot, String key, boolean required) throws SnapshotFormatException {
        Object value = snapshot.get(key);
        if (value == null && !required) {
            return 0;
        }
        if (!(value instanceof Long number) || number < 0) {
            throw problem("snapshot." + key + " is missing or not a non-negative integer");
        }
        return number;
    }

    private Map<?, ?> object(Object value, String what) throws SnapshotFormatException {
        if (!(value instanceof Map<?, ?> map)) {
            throw problem(what + " is missing or not an object");
        }
        return map;
    }

    private SnapshotFormatException problem(String text) {
        return new SnapshotFormatException("not a heap snapshot: " + text, SECTION, offset);
    }
}
