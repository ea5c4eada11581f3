package io.heapscope.model.graph;

import io.heapscope.model.progress.ProgressMonitor;

import java.util.Arrays;

/**
 * A heap snapshot's object graph in flat primitive arrays. A node is an {@code int} ordinal (its position in the
 * file), an edge an {@code int} position in the file's edge array; there is never one Java object per heap node.
 * Every accessor here is fast and in memory unless its documentation says otherwise.
 *
 * <p>Invariants: node 0 is the synthetic root; node {@code n}'s outgoing edges are the positions
 * {@code [edgeStart(n), edgeEnd(n))}; every edge target and every name index is in range (the reader checked them).
 * Ids, self sizes and other unsigned 32-bit values are returned as {@code long}.
 */
public final class HeapGraph {
    private final TypeNames nodeTypes;
    private final TypeNames edgeTypes;
    private final StringTable strings;
    private final NodeColumns nodes;
    private final EdgeColumns edges;
    private volatile RetainerIndex retainers;
    private final int elementEdgeType;
    private final int hiddenEdgeType;
    private volatile long[] idIndex;

    /** Takes ownership of the columns. */
    public HeapGraph(TypeNames nodeTypes, TypeNames edgeTypes, StringTable strings, NodeColumns nodes,
                     EdgeColumns edges) {
        this.nodeTypes = nodeTypes;
        this.edgeTypes = edgeTypes;
        this.strings = strings;
        this.nodes = nodes;
        this.edges = edges;
        this.elementEdgeType = edgeTypes.code("element");
        this.hiddenEdgeType = edgeTypes.code("hidden");
    }

    public TypeNames nodeTypes() {
        return nodeTypes;
    }

    public TypeNames edgeTypes() {
        return edgeTypes;
    }

    public StringTable strings() {
        return strings;
    }

    public int nodeCount() {
        return nodes.count();
    }

    public int edgeCount() {
        return edges.count();
    }

    // ---- nodes -------------------------------------------------------------------------------------------------

    public int nodeType(int node) {
        return nodes.type()[node];
    }

    public String nodeTypeName(int node) {
        return nodeTypes.name(nodes.type()[node]);
    }

    public int nodeNameIndex(int node) {
        return nodes.name()[node];
    }

    public String nodeName(int node) {
        return strings.get(nodes.name()[node]);
    }

    /** The V8 object id ({@code @id} in DevTools); unsigned, often above 2^31. */
    public long nodeId(int node) {
        return Integer.toUnsignedLong(nodes.id()[node]);
    }

    public long selfSize(int node) {
        return Integer.toUnsignedLong(nodes.selfSize()[node]);
    }

    public int edgeStart(int node) {
        return nodes.firstEdge()[node];
    }

    public int edgeEnd(int node) {
        return nodes.firstEdge()[node + 1];
    }

    /** 0 when the snapshot has no allocation-tracking data. */
    public long traceNodeId(int node) {
        int[] trace = nodes.traceNodeId();
        return trace == null ? 0 : Integer.toUnsignedLong(trace[node]);
    }

    /** V8's detachedness (0 unknown, 1 attached, 2 detached); 0 when the snapshot has no such field. */
    public int detachedness(int node) {
        byte[] detached = nodes.detachedness();
        return detached == null ? 0 : detached[node];
    }

    public boolean hasTraceNodeIds() {
        return nodes.traceNodeId() != null;
    }

    /** Sum of the self sizes written in the file. Linear in the node count. */
    public long totalSelfSize() {
        int[] size = nodes.selfSize();
        long total = 0;
        for (int n = 0; n < size.length && n < nodes.count(); n++) {
            total += Integer.toUnsignedLong(size[n]);
        }
        return total;
    }

    /**
     * The ordinal of the node with this V8 id, or -1. The first call sorts an index of all ids (n log n, 8 bytes a
     * node); later calls are a binary search.
     */
    public int ordinalOfId(long id) {
        long[] index = idIndex;
        if (index == null) {
            index = buildIdIndex();
        }
        int count = nodes.count();
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long midId = index[mid] >>> 31;
            if (midId < id) {
                low = mid + 1;
            } else if (midId > id) {
                high = mid - 1;
            } else {
                return (int) (index[mid] & Integer.MAX_VALUE);
            }
        }
        return -1;
    }

    private synchronized long[] buildIdIndex() {
        if (idIndex == null) {
            int count = nodes.count();
            int[] ids = nodes.id();
            long[] index = new long[count];
            for (int n = 0; n < count; n++) {
                // 32 bits of unsigned id above 31 bits of ordinal: the key stays positive, so a plain sort works.
                index[n] = (Integer.toUnsignedLong(ids[n]) << 31) | n;
            }
            Arrays.parallelSort(index);
            idIndex = index;
        }
        return idIndex;
    }

    // ---- edges -------------------------------------------------------------------------------------------------

    public int edgeType(int edge) {
        return EdgeColumns.type(edges.typeAndTarget()[edge]);
    }

    public String edgeTypeName(int edge) {
        return edgeTypes.name(edgeType(edge));
    }

    public int edgeTarget(int edge) {
        return EdgeColumns.target(edges.typeAndTarget()[edge]);
    }

    /** The raw name_or_index field: an element index for element and hidden edges, a string index otherwise. */
    public int edgeNameOrIndex(int edge) {
        return edges.nameOrIndex()[edge];
    }

    /** True when the edge's name is an index (element and hidden edges) rather than a string. */
    public boolean edgeHasIndexName(int edge) {
        int type = edgeType(edge);
        return type == elementEdgeType || type == hiddenEdgeType;
    }

    /** The edge's name: the property name, or the index as text for element and hidden edges. */
    public String edgeName(int edge) {
        int nameOrIndex = edges.nameOrIndex()[edge];
        return edgeHasIndexName(edge) ? Integer.toUnsignedString(nameOrIndex) : strings.get(nameOrIndex);
    }

    // ---- retainers ---------------------------------------------------------------------------------------------

    /**
     * Builds the retainer index if it is not built yet: two passes over the edges (count, then fill) and two int
     * arrays of the edge count. Loading does not build it, because only some uses need it (a census does not);
     * analyses call this as a phase of their own, with progress. The retainer accessors below build it on first
     * use otherwise.
     */
    public void indexRetainers(ProgressMonitor monitor) {
        if (retainers == null) {
            synchronized (this) {
                if (retainers == null) {
                    retainers = RetainerIndex.build(nodes, edges, monitor);
                }
            }
        }
    }

    /** True once the retainer index exists; the accessors below are then fast, in memory. */
    public boolean hasRetainerIndex() {
        return retainers != null;
    }

    private RetainerIndex retainers() {
        RetainerIndex index = retainers;
        if (index == null) {
            indexRetainers(ProgressMonitor.none());
            index = retainers;
        }
        return index;
    }

    /** Retainer slots of a node are {@code [retainerStart(n), retainerEnd(n))}. */
    public int retainerStart(int node) {
        return retainers().firstRetainer[node];
    }

    public int retainerEnd(int node) {
        return retainers().firstRetainer[node + 1];
    }

    /** The edge in retainer slot {@code slot}. */
    public int retainerEdge(int slot) {
        return retainers().retainerEdge[slot];
    }

    /** The node that owns the edge in retainer slot {@code slot}. */
    public int retainerNode(int slot) {
        return retainers().retainerNode[slot];
    }

    // ---- cursors -----------------------------------------------------------------------------------------------

    /** A reusable cursor at {@code node}; move it with {@link NodeCursor#moveTo(int)} instead of allocating more. */
    public NodeCursor node(int node) {
        return new NodeCursor(this, node);
    }

    public EdgeCursor edge(int edge) {
        return new EdgeCursor(this, edge);
    }
}
