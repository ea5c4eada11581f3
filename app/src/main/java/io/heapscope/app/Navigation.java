package io.heapscope.app;

import io.heapscope.app.SelectionHistory.Place;
import io.heapscope.app.SnapshotSearch.Result;
import io.heapscope.app.SnapshotSearch.Target;
import java.util.List;
import java.util.function.Function;

/**
 * Moving between places in the open snapshots: Back and Forward through the selection history, and going to a
 * search result. Both select the snapshot in the list, then the view and object (or the Summary filtered to the
 * class) in its views.
 */
final class Navigation {
    private final SelectionHistory history;
    private final List<OpenSnapshot> snapshots;
    private final java.util.function.Consumer<OpenSnapshot> select;
    private final Function<OpenSnapshot, SnapshotTabs> viewsOf;

    /**
     * @param snapshots the window's snapshots (live list)
     * @param select    shows a snapshot, as clicking it in the list does
     * @param viewsOf   the views of a loaded snapshot, made if they were not yet
     */
    Navigation(SelectionHistory history, List<OpenSnapshot> snapshots,
               java.util.function.Consumer<OpenSnapshot> select, Function<OpenSnapshot, SnapshotTabs> viewsOf) {
        this.history = history;
        this.snapshots = snapshots;
        this.select = select;
        this.viewsOf = viewsOf;
    }

    void back() {
        history.back().ifPresent(this::show);
    }

    void forward() {
        history.forward().ifPresent(this::show);
    }

    /** Every loaded snapshot, for the search; making their views starts naming their classes. */
    List<Target> searchTargets() {
        return snapshots.stream().filter(entry -> entry.state() == OpenSnapshot.State.LOADED)
                .map(entry -> new Target(entry, entry.loaded().analysis().graph(), viewsOf.apply(entry).classes()))
                .toList();
    }

    /** Shows a search result: the object selected, or the Summary filtered to the class. */
    void show(Result result) {
        if (!snapshots.contains(result.snapshot()) || result.snapshot().state() != OpenSnapshot.State.LOADED) {
            return;
        }
        select.accept(result.snapshot());
        SnapshotTabs views = viewsOf.apply(result.snapshot());
        if (result.isObject()) {
            // Through the Summary, where every object has a row; the choice then joins the history as any other.
            views.reveal(SnapshotTabs.SUMMARY, result.node());
        } else {
            views.showClass(result.className());
        }
    }

    private void show(Place place) {
        if (!snapshots.contains(place.snapshot()) || place.snapshot().state() != OpenSnapshot.State.LOADED) {
            return;
        }
        history.moving(() -> {
            select.accept(place.snapshot());
            viewsOf.apply(place.snapshot()).reveal(place.tabId(), place.node());
        });
    }
}
