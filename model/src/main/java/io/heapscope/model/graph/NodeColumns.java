package io.heapscope.model.graph;

/**
 * The nodes of a snapshot, one array per field (narrow types where the values fit), indexed by node ordinal: the
 * node's position in the file's {@code nodes} array. Unsigned 32-bit fields are kept as {@code int} bits.
 *
 * @param firstEdge      {@code count + 1} entries; node {@code n}'s edges are {@code [firstEdge[n], firstEdge[n+1])}
 * @param traceNodeId    {@code null} when the snapshot has no trace_node_id field or only zeros in it
 * @param detachedness   {@code null} when the snapshot has no detachedness field or only zeros in it
 */
public record NodeColumns(int count, byte[] type, int[] name, int[] id, int[] selfSize, int[] firstEdge,
                          int[] traceNodeId, byte[] detachedness) {
}
