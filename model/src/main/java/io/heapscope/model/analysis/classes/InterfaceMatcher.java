package io.heapscope.model.analysis.classes;

import io.heapscope.model.graph.HeapGraph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * DevTools' {@code applyInterfaceDefinitions}: names a plain object after the definition with the most properties
 * whose property set is contained in the object's own (ties: the earlier, i.e. more popular, definition). The
 * definitions form a tree of sorted property names; an object's sorted property names are walked through it with a
 * set of live states, exactly as DevTools does (same state set, same pruning), so even odd inputs such as repeated
 * property names name objects the same way. Not thread-safe: it reuses scratch arrays between objects.
 */
final class InterfaceMatcher {
    /** A tree node: the definitions' sorted property prefixes. */
    private static final class State {
        final HashMap<String, State> next = new HashMap<>(4);
        /** The largest key of {@code next}: past it no transition is possible. */
        String greatestNext;
        int matchIndex = -1;
        int matchCount;
        /** Position in the live set, or -1. */
        int slot = -1;
    }

    /** Up to this many names, an insertion sort: the JDK's sort does the same below 32. */
    private static final int SHORT_SORT = 32;

    private final State root = new State();
    private State[] live = new State[16];
    private int liveCount;
    private String[] properties = new String[16];

    InterfaceMatcher(List<InterfaceDefinition> definitions) {
        for (int index = 0; index < definitions.size(); index++) {
            String[] sorted = definitions.get(index).properties().toArray(new String[0]);
            Arrays.sort(sorted);
            State current = root;
            for (String property : sorted) {
                State next = current.next.get(property);
                if (next == null) {
                    next = new State();
                    current.next.put(property, next);
                    if (current.greatestNext == null || current.greatestNext.compareTo(property) < 0) {
                        current.greatestNext = property;
                    }
                }
                current = next;
            }
            // The first (most popular) definition with a property set keeps it.
            if (current.matchIndex < 0) {
                current.matchIndex = index;
                current.matchCount = sorted.length;
            }
        }
    }

    /** The index of the definition naming {@code node}, or -1 for none ({@code Object}). */
    int match(HeapGraph graph, int node, int propertyType) {
        int count = 0;
        for (int edge = graph.edgeStart(node), end = graph.edgeEnd(node); edge < end; edge++) {
            if (graph.edgeType(edge) == propertyType) {
                if (count == properties.length) {
                    properties = Arrays.copyOf(properties, count * 2);
                }
                // Here DevTools keeps __proto__: no definition contains it, but it takes part in the walk.
                properties[count++] = graph.strings().get(graph.edgeNameOrIndex(edge));
            }
        }
        sort(properties, count);

        int bestIndex = root.matchIndex;
        int bestCount = root.matchIndex < 0 ? 0 : root.matchCount;
        liveCount = 0;
        add(root);
        for (int p = 0; p < count && liveCount > 0; p++) {
            String property = properties[p];
            // Only the states live before this property; states added below wait for the next one.
            int before = liveCount;
            for (int i = 0; i < before; i++) {
                State state = live[i];
                if (state == null) {
                    continue;
                }
                if (state.greatestNext == null || property.compareTo(state.greatestNext) >= 0) {
                    live[i] = null;
                    state.slot = -1;
                }
                State next = state.next.get(property);
                if (next != null) {
                    add(next);
                    if (next.matchIndex >= 0 && (next.matchCount > bestCount
                            || (next.matchCount == bestCount && (bestIndex < 0 || next.matchIndex < bestIndex)))) {
                        bestIndex = next.matchIndex;
                        bestCount = next.matchCount;
                    }
                }
            }
            compact();
        }
        for (int i = 0; i < liveCount; i++) {
            live[i].slot = -1;
            live[i] = null;
        }
        liveCount = 0;
        Arrays.fill(properties, 0, count, null);
        return bestIndex;
    }

    /**
     * {@code Arrays.sort} of the first {@code count}, which are few for most objects: an insertion sort of its own
     * then, as the JDK's sort (shared with the rest of the process, with other element classes) was compiled four
     * times over in a load, at some 150 ms of the compiler's time.
     */
    private static void sort(String[] names, int count) {
        if (count > SHORT_SORT) {
            Arrays.sort(names, 0, count);
            return;
        }
        for (int i = 1; i < count; i++) {
            String name = names[i];
            int j = i - 1;
            while (j >= 0 && names[j].compareTo(name) > 0) {
                names[j + 1] = names[j];
                j--;
            }
            names[j + 1] = name;
        }
    }

    private void add(State state) {
        if (state.slot >= 0) {
            return;
        }
        if (liveCount == live.length) {
            live = Arrays.copyOf(live, liveCount * 2);
        }
        state.slot = liveCount;
        live[liveCount++] = state;
    }

    private void compact() {
        int kept = 0;
        for (int i = 0; i < liveCount; i++) {
            State state = live[i];
            if (state != null) {
                state.slot = kept;
                live[kept++] = state;
            }
        }
        Arrays.fill(live, kept, liveCount, null);
        liveCount = kept;
    }
}
