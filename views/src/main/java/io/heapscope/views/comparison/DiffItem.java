package io.heapscope.views.comparison;

import io.heapscope.model.analysis.diff.DiffRow;

/**
 * A row of the Comparison tree: a class, one of its two object groups (new, deleted), an object, or the
 * "show more" row that loads the next page of a group.
 */
sealed interface DiffItem {

    record ClassItem(int row, DiffRow diff) implements DiffItem {
    }

    /** The new (target) or deleted (base) objects of a class. */
    record GroupItem(int row, boolean added, int count) implements DiffItem {
    }

    /** A new object (a target ordinal) or a deleted one (a base ordinal). */
    record ObjectItem(int node, boolean added, String text, long shallowSize) implements DiffItem {
    }

    /** Stands for objects {@code from} to the end of a group until it is selected. */
    record MoreItem(int row, boolean added, int from, int remaining) implements DiffItem {
    }
}
