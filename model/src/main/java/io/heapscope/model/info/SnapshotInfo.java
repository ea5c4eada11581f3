package io.heapscope.model.info;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.snapshot.HeapSnapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * What a snapshot holds at a glance: counts and self sizes per node type, counts per edge type, which optional
 * sections are present, and the top of the graph (the root's children and the GC root categories). One linear pass
 * over nodes and edges.
 *
 * @param userRoots  the root's {@code shortcut} targets: what DevTools calls user roots ({@code global} in Node)
 * @param rootEdges  the root's children in edge order
 * @param gcRoots    the children of {@code (GC roots)}, the categories V8 roots objects by, with their edge counts
 */
public record SnapshotInfo(int nodeCount, int edgeCount, int stringCount, long totalSelfSize, long extraNativeBytes,
                           List<TypeCount> nodeTypes, List<TypeCount> edgeTypes, boolean hasTraceData,
                           int traceFunctionCount, int traceNodeCount, int sampleCount, boolean hasLocations,
                           int locationCount, List<RootEdge> rootEdges, List<RootEdge> gcRoots, int userRoots) {

    /** A node or edge type with how many there are and, for node types, their summed self size. */
    public record TypeCount(String type, long count, long selfSize) {
    }

    /** An edge from the root (or from {@code (GC roots)}) and the node it leads to. */
    public record RootEdge(String edgeType, String edgeName, String nodeType, String nodeName, long nodeId,
                           int nodeEdgeCount, boolean userRoot) {
    }

    public static SnapshotInfo of(HeapSnapshot snapshot) {
        HeapGraph graph = snapshot.graph();
        long[] nodeCounts = new long[graph.nodeTypes().size()];
        long[] nodeSizes = new long[graph.nodeTypes().size()];
        long total = 0;
        for (int n = 0; n < graph.nodeCount(); n++) {
            int type = graph.nodeType(n);
            long size = graph.selfSize(n);
            nodeCounts[type]++;
            nodeSizes[type] += size;
            total += size;
        }
        long[] edgeCounts = new long[graph.edgeTypes().size()];
        for (int e = 0; e < graph.edgeCount(); e++) {
            edgeCounts[graph.edgeType(e)]++;
        }

        List<RootEdge> rootEdges = children(graph, 0);
        List<RootEdge> gcRoots = List.of();
        for (int e = graph.edgeStart(0); e < graph.edgeEnd(0); e++) {
            int target = graph.edgeTarget(e);
            if (graph.nodeName(target).equals("(GC roots)")) {
                gcRoots = children(graph, target);
            }
        }
        int userRoots = (int) rootEdges.stream().filter(RootEdge::userRoot).count();
        return new SnapshotInfo(graph.nodeCount(), graph.edgeCount(), graph.strings().size(), total,
                snapshot.header().extraNativeBytes(), typeCounts(graph.nodeTypes().names(), nodeCounts, nodeSizes),
                typeCounts(graph.edgeTypes().names(), edgeCounts, null), snapshot.hasTraceData(),
                snapshot.traceFunctionInfos().rowCount(), snapshot.traceTree().rowCount(),
                snapshot.samples().rowCount(), snapshot.hasLocations(), snapshot.locations().rowCount(), rootEdges,
                gcRoots, userRoots);
    }

    private static List<RootEdge> children(HeapGraph graph, int node) {
        int shortcut = graph.edgeTypes().code("shortcut");
        List<RootEdge> children = new ArrayList<>();
        for (int e = graph.edgeStart(node); e < graph.edgeEnd(node); e++) {
            int target = graph.edgeTarget(e);
            children.add(new RootEdge(graph.edgeTypeName(e), graph.edgeName(e), graph.nodeTypeName(target),
                    graph.nodeName(target), graph.nodeId(target), graph.edgeEnd(target) - graph.edgeStart(target),
                    node == 0 && graph.edgeType(e) == shortcut));
        }
        return List.copyOf(children);
    }

    private static List<TypeCount> typeCounts(List<String> names, long[] counts, long[] sizes) {
        List<TypeCount> result = new ArrayList<>();
        for (int t = 0; t < names.size(); t++) {
            if (counts[t] > 0) {
                result.add(new TypeCount(names.get(t), counts[t], sizes == null ? 0 : sizes[t]));
            }
        }
        return List.copyOf(result);
    }
}
