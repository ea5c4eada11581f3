package io.heapscope.views.modules;

import io.heapscope.views.tree.PagedTreeItem;
import io.heapscope.model.modules.JsModule;
import io.heapscope.views.modules.ModuleTreeRow.ModuleRow;
import io.heapscope.views.modules.ModuleTreeRow.MoreRow;
import java.util.List;
import java.util.function.IntFunction;
import javafx.scene.control.TreeItem;

/**
 * Makes the tree items of modules: each module's children ({@link ModuleForest#childrenOf}) a page at a time when
 * the branch opens. A module already on the branch above becomes a {@code cycle} leaf, so the tree stays finite
 * however modules require each other; a module reached along two branches shows on both.
 */
final class ModuleItems {
    /** The modules above an item on its branch, nearest first; an immutable list the items share. */
    private record Branch(int module, Branch up) {
        boolean contains(int index) {
            for (Branch at = this; at != null; at = at.up) {
                if (at.module == index) {
                    return true;
                }
            }
            return false;
        }
    }

    private final IntFunction<JsModule> modules;

    /** {@code modules} gives the module at an index of {@link io.heapscope.model.modules.ModuleGraph#modules()}. */
    ModuleItems(IntFunction<JsModule> modules) {
        this.modules = modules;
    }

    /** The item of module {@code index} as a root: nothing above it. */
    TreeItem<ModuleTreeRow> root(int index) {
        return item(index, null);
    }

    private TreeItem<ModuleTreeRow> item(int index, Branch up) {
        boolean cycle = up != null && up.contains(index);
        JsModule module = modules.apply(index);
        List<Integer> children = cycle ? List.of() : ModuleForest.childrenOf(module);
        Branch here = new Branch(index, up);
        return new PagedTreeItem<>(new ModuleRow(module, cycle), children.size(), i -> item(children.get(i), here),
                MoreRow::new);
    }
}
