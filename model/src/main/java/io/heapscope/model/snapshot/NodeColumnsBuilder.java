package io.heapscope.model.snapshot;

import io.heapscope.model.graph.NodeColumns;

import java.util.Arrays;
import java.util.List;

/**
 * Fills the node columns from rows of numbers in the snapshot's node layout, and the first-edge index from the
 * {@code edge_count} fields. Runs on the pipeline's consumer thread.
 */
final class NodeColumnsBuilder implements BatchPipeline.Consumer {
    private static final int MAX_EDGES = Integer.MAX_VALUE - 16;

    private final int width;
    private final int typeAt;
    private final int nameAt;
    private final int idAt;
    private final int sizeAt;
    private final int edgeCountAt;
    private final int traceAt;
    private final int detachedAt;
    private final int typeCount;

    private int capacity;
    private int count;
    private long edgeTotal;
    /** The largest name index seen (unsigned), checked against the strings section once it is read. */
    private int maxName;
    private byte[] type;
    private int[] name;
    private int[] id;
    private int[] size;
    private int[] firstEdge;
    private int[] trace;
    private byte[] detached;

    NodeColumnsBuilder(SnapshotMeta meta, int initialCapacity) throws SnapshotFormatException {
        List<String> fields = meta.nodeFields();
        width = fields.size();
        typeAt = SnapshotParser.requiredField(fields, "type", "node_fields");
        nameAt = SnapshotParser.requiredField(fields, "name", "node_fields");
        idAt = SnapshotParser.requiredField(fields, "id", "node_fields");
        sizeAt = SnapshotParser.requiredField(fields, "self_size", "node_fields");
        edgeCountAt = SnapshotParser.requiredField(fields, "edge_count", "node_fields");
        traceAt = fields.indexOf("trace_node_id");
        detachedAt = fields.indexOf("detachedness");
        typeCount = meta.nodeTypes().size();
        capacity = initialCapacity;
        type = new byte[capacity];
        name = new int[capacity];
        id = new int[capacity];
        size = new int[capacity];
        firstEdge = new int[capacity + 1];
        detached = detachedAt >= 0 ? new byte[capacity] : null;
    }

    @Override
    public void accept(int[] batch, int length) throws SnapshotFormatException {
        int rows = length / width;
        if (count + rows > capacity) {
            grow(count + rows);
        }
        for (int i = 0, end = rows * width; i < end; i += width, count++) {
            int nodeType = batch[i + typeAt];
            if (Integer.compareUnsigned(nodeType, typeCount) >= 0) {
                throw new SnapshotFormatException("node " + count + " has type " + Integer.toUnsignedString(nodeType)
                        + " but snapshot.meta lists only " + typeCount + " node types", "nodes", -1);
            }
            type[count] = (byte) nodeType;
            int nodeName = batch[i + nameAt];
            name[count] = nodeName;
            if (Integer.compareUnsigned(nodeName, maxName) > 0) {
                maxName = nodeName;
            }
            id[count] = batch[i + idAt];
            size[count] = batch[i + sizeAt];
            edgeTotal += Integer.toUnsignedLong(batch[i + edgeCountAt]);
            if (edgeTotal > MAX_EDGES) {
                throw new SnapshotFormatException("the edge_count fields up to node " + count + " add up to "
                        + edgeTotal + " edges, more than can be held", "nodes", -1);
            }
            firstEdge[count + 1] = (int) edgeTotal;
            if (traceAt >= 0) {
                int traceId = batch[i + traceAt];
                if (traceId != 0) {
                    if (trace == null) {
                        // Only snapshots with allocation tracking have trace ids: don't hold a column of zeros.
                        trace = new int[capacity];
                    }
                    trace[count] = traceId;
                }
            }
            if (detached != null) {
                detached[count] = (byte) batch[i + detachedAt];
            }
        }
    }

    private void grow(int needed) {
        capacity = SnapshotParser.grownCapacity(capacity, needed);
        type = Arrays.copyOf(type, capacity);
        name = Arrays.copyOf(name, capacity);
        id = Arrays.copyOf(id, capacity);
        size = Arrays.copyOf(size, capacity);
        firstEdge = Arrays.copyOf(firstEdge, capacity + 1);
        trace = trace == null ? null : Arrays.copyOf(trace, capacity);
        detached = detached == null ? null : Arrays.copyOf(detached, capacity);
    }

    /** The largest name index of any node, unsigned. */
    int maxNameIndex() {
        return maxName;
    }

    NodeColumns build() {
        return new NodeColumns(count, type, name, id, size, firstEdge, trace, detached);
    }
}
