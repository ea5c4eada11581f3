package io.heapscope.model.graph;

/**
 * The edges of a snapshot, one array per field, indexed by edge position in the file's {@code edges} array.
 * {@code target} holds the target's node ordinal, already divided by the node field count.
 */
public record EdgeColumns(int count, byte[] type, int[] nameOrIndex, int[] target) {
}
