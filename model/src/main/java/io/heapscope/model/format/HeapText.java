package io.heapscope.model.format;

import io.heapscope.model.graph.HeapGraph;

/** Objects, edges and module names as DevTools writes them: {@code Module @6181}, {@code [5]}, {@code hot.js}. */
public final class HeapText {
    /** Names of strings can be megabytes; a label shows the start. */
    private static final int MAX_NAME = 80;

    private HeapText() {
    }

    /** {@code Name @id}: {@code (root)} for the root, {@code (type)} for a nameless node. */
    public static String node(HeapGraph graph, int node) {
        return nodeName(graph, node) + " @" + graph.nodeId(node);
    }

    public static String nodeName(HeapGraph graph, int node) {
        if (node == 0) {
            return "(root)";
        }
        String name = graph.nodeName(node);
        return name.isEmpty() ? "(" + graph.nodeTypeName(node) + ")" : oneLine(name);
    }

    /** The edge as DevTools writes it: {@code [3]} for elements, the property name otherwise. */
    public static String edge(HeapGraph graph, int edge) {
        String name = graph.edgeName(edge);
        return graph.edgeTypeName(edge).equals("element") ? "[" + name + "]" : oneLine(name);
    }

    /**
     * The part of a module's file name or URL that tells it apart at a glance: the last path segment
     * ({@code hot.js}, {@code main.mjs}; a query such as {@code ?v=3} stays), with its folder for the many
     * {@code index.*} files ({@code lodash/index.js}). Names without a slash ({@code node:fs}) stay whole.
     */
    public static String shortModuleName(String name) {
        if (name == null || name.isEmpty()) {
            return "(unnamed)";
        }
        // A query may itself contain slashes; the path ends where it starts.
        int query = name.indexOf('?');
        String path = query < 0 ? name : name.substring(0, query);
        String suffix = query < 0 ? "" : name.substring(query);
        String trimmed = path.endsWith("/") || path.endsWith("\\") ? path.substring(0, path.length() - 1) : path;
        int cut = lastSeparator(trimmed);
        if (cut < 0) {
            return oneLine(name);
        }
        String last = trimmed.substring(cut + 1);
        if (last.startsWith("index.")) {
            int folder = lastSeparator(trimmed.substring(0, cut));
            if (cut > 0) {
                last = trimmed.substring(folder + 1, cut) + "/" + last;
            }
        }
        return last.isEmpty() ? oneLine(name) : oneLine(last + suffix);
    }

    private static int lastSeparator(String path) {
        return Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    }

    private static String oneLine(String text) {
        String line = text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return line.length() <= MAX_NAME ? line : line.substring(0, MAX_NAME) + "…";
    }
}
