package io.heapscope.model.analysis.classes;

import io.heapscope.model.analysis.NodeMeasures;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.HeapSnapshot;

import java.util.BitSet;

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
     * Two passes over the nodes and one over the edges, which counts the retainers of arrays' {@code elements}
     * stores (the graph's retainer index would cost two ints an edge for that). {@code classes} says which natives
     * DevTools renamed {@code Detached …}, which then no longer count as typed arrays.
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

        BitSet ownedElements = singlyRetained(graph, elementStores(graph, internalEdge));
        long extraNative = snapshot.header().extraNativeBytes();
        long sizeNative = extraNative;
        long typedArrays = 0;
        long code = 0;
        long strings = 0;
        long jsArrays = 0;
        long system = 0;
        for (int node = 0; node < nodeCount; node++) {
            if ((node & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                ProgressMonitor.checkpoint(monitor, node);
            }
            long size = measures.shallowSize(node);
            int type = graph.nodeType(node);
            if (type == hidden) {
                system += size;
            } else if (type == nativeType) {
                sizeNative += size;
                if (!classes.hasDetachedPrefix(node)
                        && graph.strings().is(graph.nodeNameIndex(node), "system / JSArrayBufferData")) {
                    typedArrays += size;
                }
            } else if (type == codeType) {
                code += size;
            } else if (type == consString || type == slicedString || type == string) {
                strings += size;
            } else if (graph.strings().is(graph.nodeNameIndex(node), "Array")) {
                int elements = elementsStore(graph, node, internalEdge);
                if (elements >= 0 && ownedElements.get(elements)) {
                    jsArrays += measures.shallowSize(elements);
                }
                jsArrays += size;
            }
        }
        monitor.progress(nodeCount);
        long total = measures.retainedSize(0) + extraNative;
        return new HeapStatistics(total, sizeNative, typedArrays, total - sizeNative, code, jsArrays, strings,
                system);
    }

    /**
     * The {@code elements} stores of the nodes named {@code Array}. DevTools asks this of every node so named that
     * is not of a type counted before it; asking it of all of them only adds stores that are never looked up.
     */
    private static BitSet elementStores(HeapGraph graph, int internalEdge) {
        BitSet stores = new BitSet(graph.nodeCount());
        for (int node = 0, count = graph.nodeCount(); node < count; node++) {
            if (graph.strings().is(graph.nodeNameIndex(node), "Array")) {
                int elements = elementsStore(graph, node, internalEdge);
                if (elements >= 0) {
                    stores.set(elements);
                }
            }
        }
        return stores;
    }

    /** DevTools' {@code calculateArraySize} looks at the first internal edge named {@code elements}; -1 if none. */
    private static int elementsStore(HeapGraph graph, int array, int internalEdge) {
        for (int edge = graph.edgeStart(array), end = graph.edgeEnd(array); edge < end; edge++) {
            if (graph.edgeType(edge) == internalEdge && "elements".equals(graph.edgeName(edge))) {
                return graph.edgeTarget(edge);
            }
        }
        return -1;
    }

    /** Those of {@code nodes} that exactly one edge points at; counting stops at two. */
    private static BitSet singlyRetained(HeapGraph graph, BitSet nodes) {
        BitSet once = new BitSet(graph.nodeCount());
        BitSet more = new BitSet(graph.nodeCount());
        for (int edge = 0, count = graph.edgeCount(); edge < count; edge++) {
            int target = graph.edgeTarget(edge);
            if (nodes.get(target)) {
                if (once.get(target)) {
                    more.set(target);
                } else {
                    once.set(target);
                }
            }
        }
        once.andNot(more);
        return once;
    }
}
