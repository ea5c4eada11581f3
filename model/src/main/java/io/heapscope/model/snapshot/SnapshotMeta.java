package io.heapscope.model.snapshot;

import io.heapscope.model.graph.TypeNames;

import java.util.List;

/**
 * The field layout a snapshot declares in {@code snapshot.meta}. Readers look fields up by name, never by a fixed
 * position: V8 versions differ (six or seven node fields, for instance).
 */
public record SnapshotMeta(List<String> nodeFields, TypeNames nodeTypes, List<String> edgeFields,
                           TypeNames edgeTypes, List<String> traceFunctionInfoFields, List<String> traceNodeFields,
                           List<String> sampleFields, List<String> locationFields) {

    public SnapshotMeta {
        nodeFields = List.copyOf(nodeFields);
        edgeFields = List.copyOf(edgeFields);
        traceFunctionInfoFields = List.copyOf(traceFunctionInfoFields);
        traceNodeFields = List.copyOf(traceNodeFields);
        sampleFields = List.copyOf(sampleFields);
        locationFields = List.copyOf(locationFields);
    }
}
