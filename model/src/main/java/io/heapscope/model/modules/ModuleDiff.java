package io.heapscope.model.modules;

import io.heapscope.model.graph.HeapGraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What happened to the modules between two snapshots: added, removed, new zombies, retained size per module.
 *
 * <p>A module is the same module in both when its object has the same id, kind and name: V8 keeps object ids
 * across snapshots of one process, so a copy of {@code hot.js} that was cached before and is a zombie now is one
 * module whose state changed, and the fresh copy is added. Modules left over are then paired by kind, name and state, then by kind and name, in
 * object order: which is what remains meaningful between two processes (whose ids mean nothing to each other).
 */
public final class ModuleDiff {
    private final List<ModuleChange> changes;

    private ModuleDiff(List<ModuleChange> changes) {
        this.changes = changes;
    }

    public static ModuleDiff compute(HeapGraph baseGraph, ModuleGraph base, HeapGraph targetGraph,
                                     ModuleGraph target) {
        List<ModuleChange> changes = new ArrayList<>();
        boolean[] baseMatched = new boolean[base.modules().size()];
        boolean[] targetMatched = new boolean[target.modules().size()];

        Map<Long, JsModule> baseById = new HashMap<>();
        for (JsModule module : base.modules()) {
            baseById.put(baseGraph.nodeId(module.node()), module);
        }
        for (JsModule module : target.modules()) {
            JsModule before = baseById.get(targetGraph.nodeId(module.node()));
            if (before != null && before.kind() == module.kind() && sameName(before, module)
                    && !baseMatched[before.index()]) {
                changes.add(change(before, module));
                baseMatched[before.index()] = true;
                targetMatched[module.index()] = true;
            }
        }

        // Then by kind, name and state (so a cached copy pairs with the cached copy), then by kind and name.
        pairByKey(base, target, baseMatched, targetMatched, changes, m -> m.kind() + " " + m.state() + " " + m.name());
        pairByKey(base, target, baseMatched, targetMatched, changes, m -> m.kind() + " " + m.name());
        for (JsModule module : target.modules()) {
            if (!targetMatched[module.index()]) {
                changes.add(change(null, module));
            }
        }
        for (JsModule module : base.modules()) {
            if (!baseMatched[module.index()]) {
                changes.add(change(module, null));
            }
        }

        changes.sort(Comparator.comparingLong((ModuleChange c) -> Math.abs(c.retainedSizeDelta())).reversed()
                .thenComparing(c -> String.valueOf(c.name())));
        return new ModuleDiff(List.copyOf(changes));
    }

    private static boolean sameName(JsModule a, JsModule b) {
        return String.valueOf(a.name()).equals(String.valueOf(b.name()));
    }

    private static void pairByKey(ModuleGraph base, ModuleGraph target, boolean[] baseMatched,
                                  boolean[] targetMatched, List<ModuleChange> changes,
                                  Function<JsModule, String> key) {
        Map<String, Deque<JsModule>> unmatchedBase = new HashMap<>();
        for (JsModule module : base.modules()) {
            if (!baseMatched[module.index()]) {
                unmatchedBase.computeIfAbsent(key.apply(module), k -> new ArrayDeque<>()).add(module);
            }
        }
        for (JsModule module : target.modules()) {
            if (targetMatched[module.index()]) {
                continue;
            }
            Deque<JsModule> candidates = unmatchedBase.get(key.apply(module));
            JsModule before = candidates == null ? null : candidates.poll();
            if (before != null) {
                changes.add(change(before, module));
                baseMatched[before.index()] = true;
                targetMatched[module.index()] = true;
            }
        }
    }

    private static ModuleChange change(JsModule before, JsModule after) {
        JsModule any = after != null ? after : before;
        return new ModuleChange(any.kind(), any.name(),
                before == null ? -1 : before.index(), after == null ? -1 : after.index(),
                before == null ? null : before.state(), after == null ? null : after.state(),
                before == null ? 0 : before.retainedSize(), after == null ? 0 : after.retainedSize());
    }

    /** Every module of either snapshot once, the largest change of retained size first. */
    public List<ModuleChange> changes() {
        return changes;
    }

    public List<ModuleChange> added() {
        return changes.stream().filter(ModuleChange::isAdded).toList();
    }

    public List<ModuleChange> removed() {
        return changes.stream().filter(ModuleChange::isRemoved).toList();
    }

    public List<ModuleChange> newZombies() {
        return changes.stream().filter(ModuleChange::isNewZombie).toList();
    }

    /** Added, removed, changed state or changed retained size: the modules worth a row; the rest stayed as they were. */
    public List<ModuleChange> changed() {
        return changes.stream().filter(c -> c.isAdded() || c.isRemoved() || c.baseState() != c.targetState()
                || c.retainedSizeDelta() != 0).toList();
    }

    /** Modules in both snapshots whose retained size changed. */
    public List<ModuleChange> resized() {
        return changes.stream().filter(c -> !c.isAdded() && !c.isRemoved() && c.retainedSizeDelta() != 0).toList();
    }
}
