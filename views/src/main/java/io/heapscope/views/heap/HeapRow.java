package io.heapscope.views.heap;

/**
 * A row of the heap trees (Summary, Containment, Dominators): a Summary class, an object, or the "show more" row
 * of a long list. Rows hold ordinals only; the cells read names and numbers from the model as they draw.
 */
public sealed interface HeapRow {

    /** A row of the snapshot's {@link io.heapscope.model.analysis.classes.ClassSummary}. */
    record ClassEntry(int row) implements HeapRow {
    }

    /**
     * An object, reached from its parent row's object through {@code edge}; {@code -1} when it is listed for
     * itself (an instance of a class, a dominator-tree child, an object found by id).
     */
    record ObjectEntry(int node, int edge) implements HeapRow {
    }

    /** Stands for the {@code remaining} rows not made yet, until the user asks for the next page. */
    record MoreEntry(int remaining) implements HeapRow {
    }
}
