package io.heapscope.model.graph;

import java.util.List;

/**
 * The node or edge type names of one snapshot ({@code meta.node_types[0]} / {@code meta.edge_types[0]}). Types are
 * stored as their index in this list; the names are looked up once, never compared on hot paths.
 */
public record TypeNames(List<String> names) {

    public TypeNames {
        names = List.copyOf(names);
    }

    public int size() {
        return names.size();
    }

    public String name(int code) {
        return code >= 0 && code < names.size() ? names.get(code) : "<type " + code + ">";
    }

    /** The code of a type name, or -1 when this snapshot has no such type (older V8 versions lack some). */
    public int code(String name) {
        return names.indexOf(name);
    }
}
