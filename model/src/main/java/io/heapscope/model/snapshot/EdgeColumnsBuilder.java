package io.heapscope.model.snapshot;

import io.heapscope.model.graph.EdgeColumns;
import io.heapscope.model.graph.NodeColumns;

import java.util.Arrays;
import java.util.List;

/**
 * Fills the edge columns from rows of numbers, checking each target, and counts every node's retainers on the way
 * (the first pass of the retainer index, done here while the data is hot). Runs on the pipeline's consumer thread.
 */
final class EdgeColumnsBuilder implements BatchPipeline.Consumer {
    private final NodeColumns nodes;
    private final int width;
    private final int typeAt;
    private final int nameAt;
    private final int toAt;
    private final int typeCount;
    private final int nodeWidth;
    private final long toLimit;
    private final int expected;
    private final int[] retainerCounts;

    private int capacity;
    private int count;
    private byte[] type;
    private int[] nameOrIndex;
    private int[] target;

    EdgeColumnsBuilder(SnapshotMeta meta, NodeColumns nodes, int initialCapacity) throws SnapshotFormatException {
        this.nodes = nodes;
        List<String> fields = meta.edgeFields();
        width = fields.size();
        typeAt = SnapshotParser.requiredField(fields, "type", "edge_fields");
        nameAt = SnapshotParser.requiredField(fields, "name_or_index", "edge_fields");
        toAt = SnapshotParser.requiredField(fields, "to_node", "edge_fields");
        typeCount = meta.edgeTypes().size();
        nodeWidth = meta.nodeFields().size();
        toLimit = (long) nodes.count() * nodeWidth;
        expected = nodes.firstEdge()[nodes.count()];
        retainerCounts = new int[nodes.count() + 1];
        capacity = Math.min(expected, initialCapacity);
        type = new byte[capacity];
        nameOrIndex = new int[capacity];
        target = new int[capacity];
    }

    @Override
    public void accept(int[] batch, int length) throws SnapshotFormatException {
        int rows = length / width;
        if (count + rows > expected) {
            throw new SnapshotFormatException("edge counts do not add up: the nodes' edge_count fields sum to "
                    + expected + " but the edges array holds more", "edges", -1);
        }
        if (count + rows > capacity) {
            capacity = Math.min(expected, SnapshotParser.grownCapacity(capacity, count + rows));
            type = Arrays.copyOf(type, capacity);
            nameOrIndex = Arrays.copyOf(nameOrIndex, capacity);
            target = Arrays.copyOf(target, capacity);
        }
        int[] counts = retainerCounts;
        for (int i = 0, end = rows * width; i < end; i += width, count++) {
            int edgeType = batch[i + typeAt];
            if (Integer.compareUnsigned(edgeType, typeCount) >= 0) {
                throw new SnapshotFormatException("edge " + count + " has type " + Integer.toUnsignedString(edgeType)
                        + " but snapshot.meta lists only " + typeCount + " edge types", "edges", -1);
            }
            long to = Integer.toUnsignedLong(batch[i + toAt]);
            if (to >= toLimit) {
                throw targetError(to, "is out of range: the nodes array has " + nodes.count() + " nodes ("
                        + toLimit + " numbers)");
            }
            int index = (int) to;
            // Constant divisors let the JIT replace the division by a multiplication on the common layouts.
            int ordinal = nodeWidth == 7 ? index / 7 : nodeWidth == 6 ? index / 6 : index / nodeWidth;
            if (ordinal * nodeWidth != index) {
                throw targetError(to, "is not a multiple of the " + nodeWidth + " node fields");
            }
            type[count] = (byte) edgeType;
            nameOrIndex[count] = batch[i + nameAt];
            target[count] = ordinal;
            counts[ordinal + 1]++;
        }
    }

    private SnapshotFormatException targetError(long to, String problem) {
        int owner = ownerOf(count);
        return new SnapshotFormatException("edge " + count + " (of node " + owner + ", @"
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

    int count() {
        return count;
    }

    int expected() {
        return expected;
    }

    EdgeColumns build() {
        return new EdgeColumns(count, type, nameOrIndex, target);
    }

    /** Per node {@code n}, the number of edges that point at it, at index {@code n + 1}. */
    int[] retainerCounts() {
        return retainerCounts;
    }
}
