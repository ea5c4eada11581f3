package io.heapscope.model.graph;

/** A movable view of one edge; see {@link NodeCursor}. */
public final class EdgeCursor {
    private final HeapGraph graph;
    private int edge;

    EdgeCursor(HeapGraph graph, int edge) {
        this.graph = graph;
        this.edge = edge;
    }

    public EdgeCursor moveTo(int edge) {
        this.edge = edge;
        return this;
    }

    public int position() {
        return edge;
    }

    public String type() {
        return graph.edgeTypeName(edge);
    }

    public String name() {
        return graph.edgeName(edge);
    }

    public int target() {
        return graph.edgeTarget(edge);
    }

    @Override
    public String toString() {
        return type() + " " + name() + " -> @" + graph.nodeId(target());
    }
}
