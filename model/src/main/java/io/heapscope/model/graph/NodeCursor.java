package io.heapscope.model.graph;

/**
 * A movable view of one node, for code that reads several fields of a node; it allocates nothing per node. Not
 * thread-safe; cursors stay inside the model (views get immutable records).
 */
public final class NodeCursor {
    private final HeapGraph graph;
    private int node;

    NodeCursor(HeapGraph graph, int node) {
        this.graph = graph;
        this.node = node;
    }

    public NodeCursor moveTo(int node) {
        this.node = node;
        return this;
    }

    public int ordinal() {
        return node;
    }

    public long id() {
        return graph.nodeId(node);
    }

    public String type() {
        return graph.nodeTypeName(node);
    }

    public String name() {
        return graph.nodeName(node);
    }

    public long selfSize() {
        return graph.selfSize(node);
    }

    public int edgeCount() {
        return graph.edgeEnd(node) - graph.edgeStart(node);
    }

    @Override
    public String toString() {
        return type() + " " + name() + " @" + id();
    }
}
