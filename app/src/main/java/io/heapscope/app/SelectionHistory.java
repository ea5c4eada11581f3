package io.heapscope.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The objects the user selected, across views and snapshots, for Back and Forward (Alt+Left, Alt+Right) as a
 * browser's history: selecting something new after going back drops the places ahead. At most {@value #MAX}
 * places are kept; the oldest go first.
 *
 * <p>Going back selects the place again, which the views report as a new selection; {@link #moving} tells the
 * history to ignore those, so that going back does not itself become a step.
 */
final class SelectionHistory {
    /** Where an object was selected: which snapshot, which of its views (a tab id), which node. */
    record Place(OpenSnapshot snapshot, String tabId, int node) {
    }

    static final int MAX = 200;

    private final List<Place> places = new ArrayList<>();
    /** The index of the current place in {@link #places}; -1 when empty. */
    private int current = -1;
    private boolean moving;
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper();

    /** Records a selection, unless it is the current place or the history is moving to a place. */
    void visit(Place place) {
        if (moving || (current >= 0 && places.get(current).equals(place))) {
            return;
        }
        places.subList(current + 1, places.size()).clear();
        places.add(place);
        if (places.size() > MAX) {
            places.remove(0);
        }
        current = places.size() - 1;
        update();
    }

    /** The place before the current one, made current; empty at the start. */
    Optional<Place> back() {
        if (current <= 0) {
            return Optional.empty();
        }
        current--;
        update();
        return Optional.of(places.get(current));
    }

    /** The place after the current one, made current; empty at the end. */
    Optional<Place> forward() {
        if (current >= places.size() - 1) {
            return Optional.empty();
        }
        current++;
        update();
        return Optional.of(places.get(current));
    }

    /** Runs {@code show}, which selects a place from this history, without recording what it selects. */
    void moving(Runnable show) {
        moving = true;
        try {
            show.run();
        } finally {
            moving = false;
        }
    }

    /** Forgets the places of a closed snapshot. */
    void forget(OpenSnapshot snapshot) {
        for (int i = places.size() - 1; i >= 0; i--) {
            if (places.get(i).snapshot() == snapshot) {
                places.remove(i);
                if (i <= current) {
                    current--;
                }
            }
        }
        if (current < 0 && !places.isEmpty()) {
            current = 0;
        }
        update();
    }

    List<Place> places() {
        return List.copyOf(places);
    }

    ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }

    private void update() {
        canGoBack.set(current > 0);
        canGoForward.set(current < places.size() - 1);
    }
}
