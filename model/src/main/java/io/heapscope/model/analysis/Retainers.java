package io.heapscope.model.analysis;

import io.heapscope.model.graph.HeapGraph;

import java.util.ArrayList;
import java.util.List;

/**
 * Who holds an object, as DevTools' Retainers view shows it, and the shortest chain of holders from the root.
 * Cost: linear in the retainers of the nodes visited; the retainer index must exist (analysis builds it).
 */
public final class Retainers {
    private final HeapAnalysis analysis;
    private final HeapGraph graph;
    private final int weak;
    private final int invisible;
    /** The distance search's filters; not its WeakMap pairing, which depends on the search order. */
    private final DistanceFilters filters;

    /** An edge {@code edge} of {@code owner} that points at the object. */
    public record Retainer(int owner, int edge) {
    }

    /** One step of a path: the edge that leads to {@code node} ({@code -1} for the root itself). */
    public record Hop(int edge, int node) {
    }

    public Retainers(HeapAnalysis analysis) {
        this.analysis = analysis;
        this.graph = analysis.graph();
        this.weak = graph.edgeTypes().code("weak");
        this.invisible = graph.edgeTypes().code("invisible");
        this.filters = new DistanceFilters(graph);
    }

    /**
     * The retainers DevTools lists for an object: every retaining edge except weak ones, invisible ones and the
     * root's own edges, in DevTools' retainer order (last owner first).
     */
    public List<Retainer> of(int node) {
        List<Retainer> result = new ArrayList<>();
        for (int slot = graph.retainerStart(node), end = graph.retainerEnd(node); slot < end; slot++) {
            int edge = graph.retainerEdge(slot);
            int owner = graph.retainerNode(slot);
            int type = graph.edgeType(edge);
            if (type != weak && type != invisible && owner != 0) {
                result.add(new Retainer(owner, edge));
            }
        }
        return result;
    }

    /**
     * The shortest path from the root to {@code node}, root first: from the object upwards, the first retainer (in
     * DevTools' retainer order) whose distance is exactly one less over an edge the distance search follows; user roots
     * (distance 1) and objects next to the GC roots hang off the root. Empty if DevTools never reached the object.
     */
    public List<Hop> shortestPath(int node) {
        List<Hop> reversed = new ArrayList<>();
        int current = node;
        while (current != 0) {
            int distance = analysis.distance(current);
            if (distance == NodeMeasures.NO_DISTANCE) {
                return List.of();
            }
            int edge;
            int owner;
            if (distance == 1 || distance == NodeMeasures.BASE_SYSTEM_DISTANCE + 1) {
                owner = 0;
                edge = edgeFrom(0, current);
            } else {
                int slot = closerRetainer(current, distance);
                if (slot < 0) {
                    return List.of();
                }
                owner = graph.retainerNode(slot);
                edge = graph.retainerEdge(slot);
            }
            reversed.add(new Hop(edge, current));
            current = owner;
        }
        reversed.add(new Hop(-1, 0));
        List<Hop> path = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            path.add(reversed.get(i));
        }
        return path;
    }

    private int closerRetainer(int node, int distance) {
        for (int slot = graph.retainerStart(node), end = graph.retainerEnd(node); slot < end; slot++) {
            int edge = graph.retainerEdge(slot);
            int owner = graph.retainerNode(slot);
            if (graph.edgeType(edge) != weak && analysis.distance(owner) == distance - 1 && filters.allows(owner, edge)) {
                return slot;
            }
        }
        return -1;
    }

    private int edgeFrom(int owner, int target) {
        for (int e = graph.edgeStart(owner); e < graph.edgeEnd(owner); e++) {
            if (graph.edgeTarget(e) == target) {
                return e;
            }
        }
        return -1;
    }
}
