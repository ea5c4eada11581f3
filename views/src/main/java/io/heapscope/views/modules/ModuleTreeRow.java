package io.heapscope.views.modules;

import io.heapscope.model.modules.JsModule;

/** A row of the Modules tree: a module, a group of roots, or the stand-in for children not shown yet. */
sealed interface ModuleTreeRow {

    /** The heap node a selection of this row stands for, or {@code -1}. */
    int node();

    /**
     * A module. A {@code cycle} row repeats a module shown higher on the same branch and is a leaf, so the tree
     * stays finite however the modules require each other.
     */
    record ModuleRow(JsModule module, boolean cycle) implements ModuleTreeRow {
        @Override
        public int node() {
            return module.node();
        }
    }

    /** What a group gathers; the cell picks its icon by it. */
    enum GroupKind { COMMONJS_ROOTS, ES_MODULES, VM_MODULES, VM_CONTEXT }

    /**
     * A heading over further roots ("ES modules", "vm modules", one vm context).
     *
     * @param detail        what it holds, in words ("3 modules")
     * @param node          the heap node it stands for (a vm context's contextified object), or {@code -1}
     * @param retainedSize  what the group retains, nothing counted twice, or {@code -1} when not known
     */
    record GroupRow(GroupKind kind, String title, String detail, int node, long retainedSize)
            implements ModuleTreeRow {
    }

    /** Stands for the {@code remaining} children of its parent not shown yet. */
    record MoreRow(int remaining) implements ModuleTreeRow {
        @Override
        public int node() {
            return -1;
        }
    }
}
