package io.heapscope.model.snapshot;

import io.heapscope.model.graph.NodeColumns;

import io.heapscope.model.progress.CancelledException;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;

/**
 * Fills the node columns from rows in the snapshot's node layout. Rows may be filled by two threads at once (for
 * disjoint rows); the first-edge index is a running sum of the {@code edge_count} fields, so it is made at the end,
 * when all counts are in.
 */
final class NodeColumnsBuilder implements RowSink {
    private static final long MAX_EDGES = Integer.MAX_VALUE - 16;

    private final int width;
    private final int typeAt;
    private final int nameAt;
    private final int idAt;
    private final int sizeAt;
    private final int edgeCountAt;
    private final int traceAt;
    private final int detachedAt;
    private final int typeCount;

    private final Future<Columns> columns;
    private int capacity;
    /** Null until {@link #awaitColumns}. */
    private byte[] type;
    private int[] name;
    private int[] id;
    private int[] size;
    /** Until {@link #build}: node n's edge count at n + 1. Then: the first-edge index. */
    private int[] firstEdge;
    private volatile int[] trace;
    private volatile byte[] detached;
    /** The largest name index seen (unsigned), checked against the strings section once it is read. */
    private int maxName;

    /** @param allocator makes the columns, while this thread goes on */
    NodeColumnsBuilder(SnapshotMeta meta, int initialCapacity, Executor allocator)
            throws SnapshotFormatException {
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
        columns = CompletableFuture.supplyAsync(() -> new Columns(initialCapacity), allocator);
    }

    /**
     * The columns, made on the allocating thread: zeroing them took this one 50 ms (320 MB file) to 240 ms (1.1 GB).
     */
    private record Columns(byte[] type, int[] name, int[] id, int[] size, int[] firstEdge) {
        Columns(int capacity) {
            this(new byte[capacity], new int[capacity], new int[capacity], new int[capacity], new int[capacity + 1]);
        }
    }

    /** Waits for the columns the first time they are needed: the rows are read and scanned meanwhile. */
    private synchronized void awaitColumns() {
        if (type != null) {
            return;
        }
        Columns made;
        try {
            made = columns.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            // Making arrays can only fail for want of memory.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
        type = made.type();
        name = made.name();
        id = made.id();
        size = made.size();
        firstEdge = made.firstEdge();
    }

    @Override
    public void ensureRows(int rows) {
        awaitColumns();
        if (rows > capacity) {
            capacity = SnapshotParser.grownCapacity(capacity, rows);
            type = Arrays.copyOf(type, capacity);
            name = Arrays.copyOf(name, capacity);
            id = Arrays.copyOf(id, capacity);
            size = Arrays.copyOf(size, capacity);
            firstEdge = Arrays.copyOf(firstEdge, capacity + 1);
            trace = trace == null ? null : Arrays.copyOf(trace, capacity);
            detached = detached == null ? null : Arrays.copyOf(detached, capacity);
        }
    }

    /** Growing would copy the columns under a running fill. */
    @Override
    public boolean reserveBesideFills(int rows) {
        return rows <= capacity;
    }

    @Override
    public void fill(int[] numbers, int from, int rows, int firstRow) throws SnapshotFormatException {
        awaitColumns();
        int largestName = 0;
        for (int r = 0, i = from, node = firstRow; r < rows; r++, i += width, node++) {
            int nodeType = numbers[i + typeAt];
            if (Integer.compareUnsigned(nodeType, typeCount) >= 0) {
                throw new SnapshotFormatException("node " + node + " has type " + Integer.toUnsignedString(nodeType)
                        + " but snapshot.meta lists only " + typeCount + " node types", "nodes", -1);
            }
            type[node] = (byte) nodeType;
            int nodeName = numbers[i + nameAt];
            name[node] = nodeName;
            if (Integer.compareUnsigned(nodeName, largestName) > 0) {
                largestName = nodeName;
            }
            id[node] = numbers[i + idAt];
            size[node] = numbers[i + sizeAt];
            firstEdge[node + 1] = numbers[i + edgeCountAt];
            if (traceAt >= 0 && numbers[i + traceAt] != 0) {
                traceColumn()[node] = numbers[i + traceAt];
            }
            if (detachedAt >= 0 && (byte) numbers[i + detachedAt] != 0) {
                detachedColumn()[node] = (byte) numbers[i + detachedAt];
            }
        }
        mergeMaxName(largestName);
    }

    /**
     * Node.js leaves every node's detachedness unknown (0), as do browsers but for DOM objects: the column exists
     * from the first known one.
     */
    private byte[] detachedColumn() {
        byte[] column = detached;
        if (column == null) {
            synchronized (this) {
                if (detached == null) {
                    detached = new byte[capacity];
                }
                column = detached;
            }
        }
        return column;
    }

    /** Only snapshots with allocation tracking have trace ids: the column exists from the first non-zero one. */
    private int[] traceColumn() {
        int[] column = trace;
        if (column == null) {
            synchronized (this) {
                if (trace == null) {
                    trace = new int[capacity];
                }
                column = trace;
            }
        }
        return column;
    }

    private synchronized void mergeMaxName(int largest) {
        if (Integer.compareUnsigned(largest, maxName) > 0) {
            maxName = largest;
        }
    }

    /** The largest name index of any node, unsigned. */
    synchronized int maxNameIndex() {
        return maxName;
    }

    /** Turns the edge counts into the first-edge index; fails if they add up to more edges than an array holds. */
    NodeColumns build(int count) throws SnapshotFormatException {
        awaitColumns();
        long total = 0;
        for (int node = 0; node < count; node++) {
            total += Integer.toUnsignedLong(firstEdge[node + 1]);
            if (total > MAX_EDGES) {
                throw new SnapshotFormatException("the edge_count fields up to node " + node + " add up to " + total
                        + " edges, more than can be held", "nodes", -1);
            }
            firstEdge[node + 1] = (int) total;
        }
        return new NodeColumns(count, type, name, id, size, firstEdge, trace, detached);
    }
}
