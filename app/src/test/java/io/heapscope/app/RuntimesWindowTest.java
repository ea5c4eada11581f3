package io.heapscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heapscope.model.modules.JsModule;
import io.heapscope.model.modules.ModuleState;
import io.heapscope.views.runtime.RuntimePane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;

/** The Runtimes section of the window with a real Node process: launch, snapshot into the list, act from Modules. */
class RuntimesWindowTest extends LiveWindowTest {
    private static final Path PLUGIN_HOST = Path.of("../samples/runtime/plugin-host.js").toAbsolutePath().normalize();


    @Test
    void aLaunchedRuntimeTakesASnapshotWhoseModulesViewActsOnIt() throws Exception {
        startWindow();
        onFx(() -> window.runtimes().setConfirmation(question -> true));

        CompletableFuture<RuntimePane> launched = new CompletableFuture<>();
        onFx(() -> window.runtimes().launch(PLUGIN_HOST, launched::complete));
        RuntimePane pane = launched.get(30, TimeUnit.SECONDS);
        assertSame(pane, onFx(() -> window.root().getCenter()), "the new runtime is shown");
        assertFalse(onFx(() -> exportReportItem().isDisable()), "a shown runtime can export its last watch");
        assertEquals("plugin-host.js",
                onFx(() -> robot.lookup("#runtimes .list-cell").queryLabeled().getText()));

        robot.clickOn("#runtime-snapshot");
        waitFor(() -> window.snapshots().size() == 1
                && window.snapshots().get(0).state() == OpenSnapshot.State.LOADED);
        OpenSnapshot entry = onFx(() -> window.snapshots().get(0));
        assertEquals(temp, entry.file().getParent(), "saved where live snapshots go");
        assertTrue(Files.size(entry.file()) > 1_000_000);
        assertSame(pane, onFx(() -> window.root().getCenter()), "taking a snapshot keeps the runtime in view");

        onFx(() -> window.select(entry));
        waitFor(() -> robot.lookup("#snapshot-tabs").tryQuery().isPresent());
        TabPane tabs = robot.lookup("#snapshot-tabs").queryAs(TabPane.class);
        onFx(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(tab -> SnapshotTabs.MODULES.equals(tab.getId())).findFirst().orElseThrow()));
        waitFor(() -> window.views(entry).modulesPane() != null);
        JsModule plugin = onFx(() -> entry.loaded().modules().modules().stream()
                .filter(m -> m.name().endsWith("/plugins/greeter.js")).findFirst().orElseThrow());
        assertEquals(ModuleState.CACHED, plugin.state());

        // The Modules view's context menu runs the action in the runtime and brings the runtime into view.
        List<MenuItem> items = onFx(() -> {
            var modules = window.views(entry).modulesPane();
            assertTrue(modules.selectModule(plugin.index()));
            var tree = (javafx.scene.control.TreeTableView<?>) modules.lookup("#modules-tree");
            tree.getContextMenu().getOnShowing().handle(null);
            return List.copyOf(tree.getContextMenu().getItems());
        });
        assertEquals(List.of("Delete from cache greeter.js in plugin-host.js",
                "Delete and detach greeter.js in plugin-host.js", "module.clearCache() greeter.js in plugin-host.js",
                "Reload greeter.js in plugin-host.js", "Copy as Markdown"),
                items.stream().map(MenuItem::getText).filter(java.util.Objects::nonNull).toList());
        onFx(() -> items.get(0).fire());
        waitFor(() -> window.root().getCenter() == pane);
        // Deleted from the cache only: the host's next tick requires a fresh copy, and its children keep both.
        waitFor(() -> pane.runtime().session().evaluate("process.mainModule.children"
                + ".filter((m) => m.filename.endsWith('/greeter.js')).length").asInt() == 2);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        waitFor(30, condition);
    }

    /** File › Export Report…, found in the window's menu bar. */
    private MenuItem exportReportItem() {
        javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) robot.lookup(".menu-bar").query();
        return bar.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .filter(item -> "menu-export-report".equals(item.getId())).findFirst().orElseThrow();
    }
}
