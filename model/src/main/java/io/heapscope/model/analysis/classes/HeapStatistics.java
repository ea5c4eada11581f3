package io.heapscope.model.analysis.classes;

import io.heapscope.model.analysis.NodeMeasures;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.HeapSnapshot;

/**
 * DevTools' Statistics view ({@code JSHeapSnapshot.calculateStatistics}). Sizes are DevTools' shallow sizes (it
 * runs after DevTools moved owned arrays into their owners), so most backing stores count with their owner's
 * category, not as "system".
 *
 * @param total        the root's retained size plus the snapshot's {@code extra_native_bytes}
 * @param nativeTotal  {@code extra_native_bytes} plus the shallow sizes of {@code native} nodes
 * @param typedArrays  the part of {@code nativeTotal} in natives named {@code system / JSArrayBufferData}
 * @param v8Total      {@code total - nativeTotal}
 * @param code         {@code code} nodes
 * @param jsArrays     nodes named {@code Array} (of any other type, closures included), each plus its
 *                     {@code elements} store when that store has exactly one retainer
 * @param strings      string, concatenated string and sliced string nodes
 * @param system       {@code hidden} nodes
 */
public record HeapStatistics(long total, long nativeTotal, long typedArrays, long v8Total, long code, long jsArrays,
                             long strings, long system) {

    public static final String PHASE = "Calculating statistics";

    /**
     * One pass over the nodes. Uses the retainer index (built here if missing) to count an array's
     * {@code elements} retainers; {@code classes} says which natives DevTools renamed {@code Detached …}, which
     * then no longer count as typed arrays.
     */
    public static HeapStatistics compute(HeapSnapshot snapshot, ClassNames classes, NodeMeasures measures,
                                         ProgressMonitor monitor) {
        HeapGraph graph = snapshot.graph();
        int nodeCount = graph.nodeCount();
        monitor.beginPhase(PHASE, nodeCount);
        int hidden = graph.nodeTypes().code("hidden");
        int nativeType = graph.nodeTypes().code("native");
        int codeType = graph.nodeTypes().code("code");
        int string = graph.nodeTypes().code("string");
        int consString = graph.nodeTypes().code("concatenated string");
        int slicedString = graph.nodeTypes().code("sliced string");
        int internalEdge = graph.edgeTypes().code("internal");

        long extraNative = snapshot.header().extraNativeBytes();
        long sizeNative = extraNative;
        long typedArrays = 0;
        long code = 0;
        long strings = 0;
        long jsArrays = 0;
        long system = 0;
        for (int node = 0; node < nodeCount; node++) {
            if ((node & 0xFFFF) == 0) {
                monitor.checkCancelled();
                monitor.progress(node);
            }
            long size = measures.shallowSize(node);
            int type = graph.nodeType(node);
            if (type == hidden) {
                system += size;
            } else if (type == nativeType) {
                sizeNative += size;
                if (!classes.hasDetachedPrefix(node) && "system / JSArrayBufferData".equals(graph.nodeName(node))) {
                    typedArrays += size;
                }
            } else if (type == codeType) {
                code += size;
            } else if (type == consString || type == slicedString || type == string) {
                strings += size;
            } else if ("Array".equals(graph.nodeName(node))) {
                jsArrays += size + ownedElementsSize(graph, node, internalEdge, measures);
            }
        }
        monitor.progress(nodeCount);
        long total = measures.retainedSize(0) + extraNative;
        return new HeapStatistics(total, sizeNative, typedArrays, total - sizeNative, code, jsArrays, strings,
                system);
    }

    /** DevTools' {@code calculateArraySize}: the first internal {@code elements} target, if it has one retainer. */
    private static long ownedElementsSize(HeapGraph graph, int array, int internalEdge, NodeMeasures measures) {
        for (int edge = graph.edgeStart(array), end = graph.edgeEnd(array); edge < end; edge++) {
            if (graph.edgeType(edge) != internalEdge || !"elements".equals(graph.edgeName(edge))) {
                continue;
            }
            int elements = graph.edgeTarget(edge);
            boolean owned = graph.retainerEnd(elements) - graph.retainerStart(elements) == 1;
            return owned ? measures.shallowSize(elements) : 0;
        }
        return 0;
    }
}
