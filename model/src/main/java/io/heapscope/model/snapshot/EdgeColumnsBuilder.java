package io.heapscope.model.snapshot;

import io.heapscope.model.graph.EdgeColumns;
import io.heapscope.model.graph.NodeColumns;

import java.util.List;

/**
 * Fills the edge columns from rows of numbers, checking each target. Rows may be filled by two threads at once
 * (for disjoint rows); the arrays are allocated ahead, for the edges the nodes' {@code edge_count}s promise.
 */
final class EdgeColumnsBuilder implements RowSink {
    private final NodeColumns nodes;
    private final int width;
    private final int typeAt;
    private final int nameAt;
    private final int toAt;
    private final int typeCount;
    private final int nodeWidth;
    private final long toLimit;
    private final int expected;
    private final int elementType;
    private final int hiddenType;
    private int capacity;
    private int[] nameOrIndex;
    private int[] typeAndTarget;
    /** The largest string index among named edges (unsigned), checked once the strings section is read. */
    private int maxName;

    /** Edge columns allocated ahead of time, for as many edges as the header announces (bounded by the text). */
    record Arrays(int[] nameOrIndex, int[] typeAndTarget) {
        Arrays(int capacity) {
            this(new int[capacity], new int[capacity]);
        }
    }

    EdgeColumnsBuilder(SnapshotMeta meta, NodeColumns nodes, Arrays arrays) throws SnapshotFormatException {
        this.nodes = nodes;
        List<String> fields = meta.edgeFields();
        width = fields.size();
        typeAt = SnapshotParser.requiredField(fields, "type", "edge_fields");
        nameAt = SnapshotParser.requiredField(fields, "name_or_index", "edge_fields");
        toAt = SnapshotParser.requiredField(fields, "to_node", "edge_fields");
        typeCount = meta.edgeTypes().size();
        if (typeCount > EdgeColumns.MAX_TYPES) {
            throw new SnapshotFormatException("snapshot.meta lists " + typeCount + " edge types; heapscope reads at"
                    + " most " + EdgeColumns.MAX_TYPES + " (V8 has 7)", "snapshot", -1);
        }
        if (nodes.count() > EdgeColumns.MAX_NODES) {
            throw new SnapshotFormatException("the snapshot has " + nodes.count() + " nodes; heapscope reads at most "
                    + EdgeColumns.MAX_NODES, "nodes", -1);
        }
        elementType = meta.edgeTypes().code("element");
        hiddenType = meta.edgeTypes().code("hidden");
        nodeWidth = meta.nodeFields().size();
        toLimit = (long) nodes.count() * nodeWidth;
        expected = nodes.firstEdge()[nodes.count()];
        capacity = arrays.typeAndTarget().length;
        nameOrIndex = arrays.nameOrIndex();
        typeAndTarget = arrays.typeAndTarget();
    }

    @Override
    public void ensureRows(int rows) throws SnapshotFormatException {
        if (rows > expected) {
            throw new SnapshotFormatException("edge counts do not add up: the nodes' edge_count fields sum to "
                    + expected + " but the edges array holds more", "edges", -1);
        }
        if (rows > capacity) {
            capacity = Math.min(expected, SnapshotParser.grownCapacity(capacity, rows));
            nameOrIndex = java.util.Arrays.copyOf(nameOrIndex, capacity);
            typeAndTarget = java.util.Arrays.copyOf(typeAndTarget, capacity);
        }
    }

    /** Growing would copy the columns under a running fill. */
    @Override
    public boolean reserveBesideFills(int rows) {
        return rows <= capacity && rows <= expected;
    }

    @Override
    public void fill(int[] numbers, int from, int rows, int firstRow) throws SnapshotFormatException {
        int largestName = 0;
        for (int r = 0, i = from, edge = firstRow; r < rows; r++, i += width, edge++) {
            int edgeType = numbers[i + typeAt];
            if (Integer.compareUnsigned(edgeType, typeCount) >= 0) {
                throw new SnapshotFormatException("edge " + edge + " has type " + Integer.toUnsignedString(edgeType)
                        + " but snapshot.meta lists only " + typeCount + " edge types", "edges", -1);
            }
            long to = Integer.toUnsignedLong(numbers[i + toAt]);
            if (to >= toLimit) {
                throw targetError(edge, to, "is out of range: the nodes array has " + nodes.count() + " nodes ("
                        + toLimit + " numbers)");
            }
            int index = (int) to;
            // Constant divisors let the JIT replace the division by a multiplication on the common layouts.
            int ordinal = nodeWidth == 7 ? index / 7 : nodeWidth == 6 ? index / 6 : index / nodeWidth;
            if (ordinal * nodeWidth != index) {
                throw targetError(edge, to, "is not a multiple of the " + nodeWidth + " node fields");
            }
            int name = numbers[i + nameAt];
            nameOrIndex[edge] = name;
            if (edgeType != elementType && edgeType != hiddenType && Integer.compareUnsigned(name, largestName) > 0) {
                largestName = name;
            }
            typeAndTarget[edge] = EdgeColumns.pack(edgeType, ordinal);
        }
        mergeMaxName(largestName);
    }

    private SnapshotFormatException targetError(int edge, long to, String problem) {
        int owner = ownerOf(edge);
        return new SnapshotFormatException("edge " + edge + " (of node " + owner + ", @"
                + Integer.toUnsignedString(nodes.id()[owner]) + ") has to_node " + to + ", which " + problem,
                "edges", -1);
    }

    private int ownerOf(int edge) {
        int[] firstEdge = nodes.firstEdge();
        int low = 0;
        int high = nodes.count() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (firstEdge[mid] <= edge) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private synchronized void mergeMaxName(int largest) {
        if (Integer.compareUnsigned(largest, maxName) > 0) {
            maxName = largest;
        }
    }

    int expected() {
        return expected;
    }

    /** The largest string index of any named edge, unsigned. */
    synchronized int maxNameIndex() {
        return maxName;
    }

    EdgeColumns build(int count) {
        return new EdgeColumns(count, nameOrIndex, typeAndTarget);
    }
}
