package io.heapscope.views.retainers;

/** A row of the Retainers tree: an object that holds the row above it, or the "show more" row of a long list. */
sealed interface RetainerRow {

    /**
     * {@code node} holds its parent row's object through {@code edge} ({@code -1} for the object whose retainers are
     * shown, the hidden root). {@code cycle}: the object is already higher on this branch, so the row is a leaf.
     */
    record ObjectRow(int node, int edge, boolean cycle) implements RetainerRow {
    }

    /** Stands for the {@code remaining} retainers not shown yet, until the user asks for the next page. */
    record MoreRow(int remaining) implements RetainerRow {
    }
}
