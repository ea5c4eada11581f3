package io.heapscope.views.heap;

import io.heapscope.model.analysis.order.SortKey;

/**
 * The order a heap tree lists its rows in: the sort column's key and direction. The table implements it; the view
 * models ({@link HeapItems}, the Summary's rows) read it when they sort a list, so they also run without a window
 * ({@code heapscope bench --views}).
 */
public interface RowOrder {
    SortKey sortKey();

    boolean ascending();

    /** A fixed order. */
    static RowOrder of(SortKey key, boolean ascending) {
        return new Fixed(key, ascending);
    }

    /** A fixed order, for a view model used without a table. */
    record Fixed(SortKey sortKey, boolean ascending) implements RowOrder {
    }
}
