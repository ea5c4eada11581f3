package io.heapscope.model.modules;

import io.heapscope.model.graph.HeapGraph;

/**
 * V8's module records ({@code system / SourceTextModule}, {@code system / SyntheticModule}) behind Node's
 * {@code ModuleWrap}s: which record a wrap holds, which records a record imports, its namespace object.
 *
 * <p>The snapshot names a record's fields only by slot number, and the slot order changes between V8 versions, so
 * fields are recognised by content: the requested modules are the first slot holding an array of records only.
 */
final class ModuleRecords {
    private static final String SOURCE_TEXT = "system / SourceTextModule";
    private static final String SYNTHETIC = "system / SyntheticModule";

    private final ObjectReader reader;
    private final HeapGraph graph;

    ModuleRecords(ObjectReader reader) {
        this.reader = reader;
        this.graph = reader.graph();
    }

    boolean isRecord(int node) {
        String name = graph.nodeName(node);
        return name.equals(SOURCE_TEXT) || name.equals(SYNTHETIC);
    }

    /** The record a {@code ModuleWrap} holds, or {@link ObjectReader#NONE}. */
    int recordOf(int wrap) {
        for (int e = graph.edgeStart(wrap), end = graph.edgeEnd(wrap); e < end; e++) {
            if (graph.edgeTypeName(e).equals("internal") && isRecord(graph.edgeTarget(e))) {
                return graph.edgeTarget(e);
            }
        }
        return ObjectReader.NONE;
    }

    /** The records {@code record} imports, in request order (empty until it is linked). */
    int[] importedRecords(int record) {
        for (long slot : reader.hiddenSlots(record)) {
            int target = (int) slot;
            if (!graph.nodeTypeName(target).equals("array")) {
                continue;
            }
            long[] elements = reader.numberedSlots(target);
            if (elements.length == 0 || !allRecords(elements)) {
                continue;
            }
            int[] records = new int[elements.length];
            for (int i = 0; i < elements.length; i++) {
                records[i] = (int) elements[i];
            }
            return records;
        }
        return new int[0];
    }

    private boolean allRecords(long[] slots) {
        for (long slot : slots) {
            if (!isRecord((int) slot)) {
                return false;
            }
        }
        return true;
    }

    /** The module namespace object ({@code import * as ns}), which V8 creates only when asked; else NONE. */
    int namespaceOf(int record) {
        for (long slot : reader.hiddenSlots(record)) {
            int target = (int) slot;
            if (graph.nodeTypeName(target).equals("object") && graph.nodeName(target).equals("Module")) {
                return target;
            }
        }
        return ObjectReader.NONE;
    }
}
