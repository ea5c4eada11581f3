package io.heapscope.views.modules;

import io.heapscope.views.tree.PagedTreeItem;
import io.heapscope.model.format.HeapText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heapscope.model.modules.JsModule;
import io.heapscope.model.modules.ModuleKind;
import io.heapscope.model.modules.ModuleState;
import io.heapscope.views.modules.ModuleTreeRow.ModuleRow;
import java.util.List;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

/**
 * Cycles, which no sample has: {@code a.js} requires {@code b.js}, which requires {@code a.js} back and
 * {@code c.js}; {@code c.js} requires {@code b.js} too.
 */
class ModuleItemsTest {
    private static final List<JsModule> MODULES = List.of(
            module(0, "/app/a.js", ModuleState.MAIN, List.of(1)),
            module(1, "/app/b.js", ModuleState.CACHED, List.of(0, 2)),
            module(2, "/app/c.js", ModuleState.CACHED, List.of(1)));

    @Test
    void aModuleAlreadyOnTheBranchIsACycleLeaf() {
        TreeItem<ModuleTreeRow> a = new ModuleItems(MODULES::get).root(0);
        assertFalse(((ModuleRow) a.getValue()).cycle());

        TreeItem<ModuleTreeRow> b = a.getChildren().get(0);
        assertEquals("b.js", name(b));
        assertEquals(List.of("a.js", "c.js"), b.getChildren().stream().map(ModuleItemsTest::name).toList());

        TreeItem<ModuleTreeRow> aAgain = b.getChildren().get(0);
        assertTrue(((ModuleRow) aAgain.getValue()).cycle());
        assertTrue(aAgain.isLeaf());
        assertTrue(aAgain.getChildren().isEmpty());

        // c.js is not on its own branch: it opens, and its b.js (which is) closes the cycle.
        TreeItem<ModuleTreeRow> c = b.getChildren().get(1);
        assertFalse(((ModuleRow) c.getValue()).cycle());
        TreeItem<ModuleTreeRow> bAgain = c.getChildren().get(0);
        assertTrue(((ModuleRow) bAgain.getValue()).cycle());
        assertTrue(bAgain.isLeaf());
    }

    @Test
    void childrenAreMadeOnlyWhenTheBranchOpens() {
        TreeItem<ModuleTreeRow> a = new ModuleItems(MODULES::get).root(0);

        assertFalse(a.isLeaf());
        assertFalse(((PagedTreeItem<ModuleTreeRow>) a).childrenMade());
        TreeItem<ModuleTreeRow> b = a.getChildren().get(0);
        assertTrue(((PagedTreeItem<ModuleTreeRow>) a).childrenMade());
        assertFalse(((PagedTreeItem<ModuleTreeRow>) b).childrenMade());
    }

    private static String name(TreeItem<ModuleTreeRow> item) {
        return HeapText.shortModuleName(((ModuleRow) item.getValue()).module().name());
    }

    private static JsModule module(int index, String name, ModuleState state, List<Integer> children) {
        return new JsModule(index, ModuleKind.CJS, state, index + 1, name, name, true, -1, children, List.of(), -1,
                100, 0, -1);
    }
}
