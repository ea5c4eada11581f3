package io.heapscope.views.modules;

import io.heapscope.model.modules.JsModule;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.modules.ModuleKind;
import io.heapscope.model.modules.VmContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Where each module of a {@link ModuleGraph} starts in the Modules tree. The main module is the first root and its
 * subtree follows {@link #childrenOf} (CommonJS {@code children}, ES and vm {@code imports}). What it does not reach
 * is gathered under further roots: other CommonJS roots (anchors, zombies whose parent is elsewhere, everything when
 * there is no main module), other ES modules, and vm modules by context. Within each group a root is a module no
 * other module of the group lists; modules only a cycle of the group reaches are made roots too, in module order.
 *
 * <p>Costs one pass over the modules and their child lists; no heap-graph work.
 */
final class ModuleForest {
    /** The vm modules of one context that no other module of the context imports. */
    record ContextRoots(VmContext context, List<Integer> roots) {
    }

    private final ModuleGraph graph;
    private final int main;
    private final List<Integer> commonJsRoots;
    private final List<Integer> esRoots;
    private final List<ContextRoots> vmContexts;
    private final int commonJsCount;
    private final int esCount;
    private final int vmCount;

    ModuleForest(ModuleGraph graph) {
        this.graph = graph;
        this.main = graph.main();
        BitSet placed = new BitSet(graph.modules().size());
        if (main >= 0) {
            cover(List.of(main), placed);
        }
        // Each group counts what its roots' subtrees take that no earlier group had.
        int before = placed.cardinality();
        this.commonJsRoots = rootsAmong(unplaced(ModuleKind.CJS, placed), placed);
        this.commonJsCount = placed.cardinality() - before;
        before = placed.cardinality();
        this.esRoots = rootsAmong(unplaced(ModuleKind.ESM, placed), placed);
        this.esCount = placed.cardinality() - before;
        before = placed.cardinality();
        List<ContextRoots> contexts = new ArrayList<>();
        for (VmContext context : graph.vmContexts()) {
            List<Integer> members = context.modules().stream().filter(m -> !placed.get(m)).toList();
            if (!members.isEmpty()) {
                contexts.add(new ContextRoots(context, rootsAmong(members, placed)));
            }
        }
        this.vmContexts = List.copyOf(contexts);
        this.vmCount = placed.cardinality() - before;
    }

    /** The modules shown under a module: CommonJS {@code children} in index order, ES and vm imports in order. */
    static List<Integer> childrenOf(JsModule module) {
        return module.kind() == ModuleKind.CJS ? module.children() : module.imports();
    }

    /** The main module's index, or {@code -1}. */
    int main() {
        return main;
    }

    /** CommonJS modules the main module's subtree does not reach, as roots of their own subtrees. */
    List<Integer> commonJsRoots() {
        return commonJsRoots;
    }

    /** ES modules the main module's subtree does not reach, as roots of their import graphs. */
    List<Integer> esRoots() {
        return esRoots;
    }

    /** vm modules by context, the context retaining most first; contexts whose modules the main reaches are left out. */
    List<ContextRoots> vmContexts() {
        return vmContexts;
    }

    /** How many modules the group of {@link #commonJsRoots()} holds: the roots and their subtrees. */
    int commonJsCount() {
        return commonJsCount;
    }

    /** How many modules the group of {@link #esRoots()} holds. */
    int esCount() {
        return esCount;
    }

    /** How many modules the contexts of {@link #vmContexts()} hold. */
    int vmCount() {
        return vmCount;
    }

    private List<Integer> unplaced(ModuleKind kind, BitSet placed) {
        return graph.modules().stream().filter(m -> m.kind() == kind && !placed.get(m.index()))
                .map(JsModule::index).toList();
    }

    /**
     * The roots of {@code members}: first those no other member lists, then, while some member is still not
     * reached, the first of them (it sits on a cycle). Marks every member reached as placed.
     */
    private List<Integer> rootsAmong(List<Integer> members, BitSet placed) {
        BitSet isMember = new BitSet();
        members.forEach(isMember::set);
        BitSet listed = new BitSet();
        for (int member : members) {
            for (int child : childrenOf(graph.module(member))) {
                if (isMember.get(child) && child != member) {
                    listed.set(child);
                }
            }
        }
        List<Integer> roots = new ArrayList<>();
        for (int member : members) {
            if (!listed.get(member)) {
                roots.add(member);
            }
        }
        cover(roots, placed);
        for (int member : members) {
            if (!placed.get(member)) {
                roots.add(member);
                cover(List.of(member), placed);
            }
        }
        return List.copyOf(roots);
    }

    /** Marks everything {@code starts} reach through {@link #childrenOf} as placed; iterative, cycles allowed. */
    private void cover(List<Integer> starts, BitSet placed) {
        ArrayDeque<Integer> pending = new ArrayDeque<>();
        for (int start : starts) {
            if (!placed.get(start)) {
                placed.set(start);
                pending.add(start);
            }
        }
        while (!pending.isEmpty()) {
            for (int child : childrenOf(graph.module(pending.poll()))) {
                if (!placed.get(child)) {
                    placed.set(child);
                    pending.add(child);
                }
            }
        }
    }
}
