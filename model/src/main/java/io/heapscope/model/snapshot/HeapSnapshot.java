package io.heapscope.model.snapshot;

import io.heapscope.model.graph.HeapGraph;

/**
 * One loaded heap snapshot: its header, its object graph and the side sections V8 may write with it.
 *
 * @param traceFunctionInfos {@code trace_function_infos}, empty unless allocation tracking was on
 * @param traceTree          {@code trace_tree} flattened in pre-order: the node fields except {@code children},
 *                           with the {@code children} column holding the parent's row (-1 bits for top nodes)
 * @param samples            {@code samples} (timestamp, last assigned id), empty unless tracking was on
 * @param locations          {@code locations} (object index, script id, line, column)
 * @param textLength         bytes of snapshot text read (after decompression)
 */
public record HeapSnapshot(SnapshotHeader header, HeapGraph graph, FieldTable traceFunctionInfos,
                           FieldTable traceTree, FieldTable samples, FieldTable locations, long textLength) {

    public boolean hasTraceData() {
        return !traceFunctionInfos.isEmpty() || !traceTree.isEmpty();
    }

    public boolean hasLocations() {
        return !locations.isEmpty();
    }
}
