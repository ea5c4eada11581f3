package io.heapscope.model.analysis;

import io.heapscope.model.graph.HeapGraph;

/**
 * The edges DevTools' distance search never follows, whatever the order of the search: a native context's
 * {@code sloppy_function_map}, and the descriptor entries of {@code (map descriptors)} arrays (maps may share
 * descriptor arrays, so those links are not valid for every map; crbug.com/413608). The shortest-path walk uses
 * the same filters so that its hops are ones the search could have taken.
 */
final class DistanceFilters {
    private final HeapGraph graph;
    private final int hidden;
    private final int array;
    private final NameIndexes sloppyFunctionMap;
    private final NameIndexes nativeContext;
    private final NameIndexes mapDescriptors;

    DistanceFilters(HeapGraph graph) {
        this.graph = graph;
        this.hidden = graph.nodeTypes().code("hidden");
        this.array = graph.nodeTypes().code("array");
        this.sloppyFunctionMap = new NameIndexes(graph.strings(), "sloppy_function_map");
        this.nativeContext = new NameIndexes(graph.strings(), "system / NativeContext");
        this.mapDescriptors = new NameIndexes(graph.strings(), "(map descriptors)");
    }

    /** Whether the search may follow {@code edge} of {@code owner} (weak edges are excluded elsewhere). */
    boolean allows(int owner, int edge) {
        int type = graph.nodeType(owner);
        if (type == hidden && !graph.edgeHasIndexName(edge) && sloppyFunctionMap.matches(graph.edgeNameOrIndex(edge))
                && nativeContext.matches(graph.nodeNameIndex(owner))) {
            return false;
        }
        if (type == array && mapDescriptors.matches(graph.nodeNameIndex(owner))) {
            // Entries are [count, enum cache, then key/type/descriptor triples]: skip every "type" slot but the
            // first two entries. DevTools parses the name with parseInt; a name without a number (NaN) is followed.
            long index = leadingInteger(graph.edgeName(edge));
            return index == Long.MIN_VALUE || index < 2 || index % 3 != 1;
        }
        return true;
    }

    /** JavaScript's {@code parseInt(text, 10)}: the leading integer, or {@link Long#MIN_VALUE} for NaN. */
    static long leadingInteger(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int start = i;
        long value = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 18) {
            value = value * 10 + (text.charAt(i) - '0');
            i++;
        }
        if (i == start) {
            return Long.MIN_VALUE;
        }
        return negative ? -value : value;
    }
}
