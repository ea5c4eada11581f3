package io.heapscope.model.snapshot;

/**
 * The snapshot's {@code snapshot} object: its layout and the counts it announces. Counts are what the file claims;
 * the reader checks them against the arrays.
 *
 * @param extraNativeBytes native memory V8 reports outside the graph (0 when absent); DevTools adds it to its total
 */
public record SnapshotHeader(SnapshotMeta meta, long nodeCount, long edgeCount, long traceFunctionCount,
                             long extraNativeBytes, String title) {
}
