package io.heapscope.views.modules;

import io.heapscope.views.tree.PagedTreeItem;
import io.heapscope.model.format.HeapText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.modules.JsModule;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.modules.ModuleState;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.SnapshotReader;
import io.heapscope.views.chart.ThemeProbes;
import io.heapscope.views.modules.ModuleTreeRow.GroupKind;
import io.heapscope.views.modules.ModuleTreeRow.GroupRow;
import io.heapscope.views.modules.ModuleTreeRow.ModuleRow;
import io.heapscope.views.modules.ZombiesPane.ZombieRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Modules view over real sample snapshots, shown on a headless stage in the app's theme. */
class ModulesPaneTest {
    private static final Map<String, HeapAnalysis> ANALYSES = new HashMap<>();
    private static final Map<String, ModuleGraph> GRAPHS = new HashMap<>();

    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        onFx(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theHotReloadLeakShowsTheMainModulesTwentyTwoChildrenWithTwentyZombiesMarked() throws Exception {
        ModulesPane pane = show("cjs-hot-reload-leak");
        ModuleGraph modules = GRAPHS.get("cjs-hot-reload-leak");

        TreeItem<ModuleTreeRow> main = onFx(() -> pane.tree().getRoot().getChildren().get(0));
        JsModule mainModule = ((ModuleRow) main.getValue()).module();
        assertEquals(ModuleState.MAIN, mainModule.state());
        assertEquals("cjs-hot-reload-leak.js", HeapText.shortModuleName(mainModule.name()));
        assertTrue(main.isExpanded());
        List<JsModule> children = onFx(() -> main.getChildren().stream()
                .map(item -> ((ModuleRow) item.getValue()).module()).toList());
        assertEquals(22, children.size());
        assertEquals(20, children.stream().filter(m -> m.state() == ModuleState.ZOMBIE).count());
        assertEquals(mainModule.children(), children.stream().map(JsModule::index).toList());

        // On screen: zombie rows carry the :zombie pseudo-class (the danger background) and say "zombie".
        List<Object> zombieRows = onFx(() -> robot.from(pane).lookup(".tree-table-row-cell").queryAll().stream()
                .filter(row -> row.getPseudoClassStates().contains(PseudoClass.getPseudoClass("zombie")))
                .<Object>map(row -> ((TreeTableRow<?>) row).getItem()).toList());
        assertFalse(zombieRows.isEmpty());
        for (Object row : zombieRows) {
            assertEquals(ModuleState.ZOMBIE, ((ModuleRow) row).module().state());
        }
        assertTrue(texts(pane, ".module-state").contains("zombie"));

        String summary = onFx(() -> ((Labeled) pane.lookup("#modules-zombie-summary")).getText());
        assertTrue(summary.startsWith("20 zombies, 20 leaked, "), summary);
        assertEquals("23 modules", onFx(() -> ((Labeled) pane.lookup("#modules-title")).getText()));
        // Only the main module: everything else hangs under it.
        assertEquals(1, onFx(() -> pane.tree().getRoot().getChildren().size()));
        assertEquals(modules.totals().size(), onFx(() -> ((javafx.scene.layout.Pane) pane.lookup("#modules-totals"))
                .getChildren().size()));
    }

    @Test
    void theZombiesAreGroupedByFileAndAZombieShowsTheChainThatHoldsIt() throws Exception {
        ModulesPane pane = show("cjs-hot-reload-leak");
        ModuleGraph modules = GRAPHS.get("cjs-hot-reload-leak");
        ZombiesPane zombies = pane.zombies();

        TreeItem<ZombieRow> group = onFx(() -> zombies.list().getRoot().getChildren().get(0));
        assertEquals(1, onFx(() -> zombies.list().getRoot().getChildren().size()));
        List<String> cells = texts(zombies.list(), ".tree-cell .label");
        assertTrue(cells.contains("hot.js × 20"), cells::toString);
        assertTrue(cells.stream().anyMatch(text -> text.endsWith(", 20 leaked")), cells::toString);
        // The biggest group opens with its first zombie's chain.
        assertTrue(group.isExpanded());
        assertTrue(onFx(() -> zombies.chain().text()).contains("children"));

        TreeItem<ZombieRow> second = onFx(() -> group.getChildren().get(1));
        JsModule zombie = ((ZombieRow.ZombieModuleRow) second.getValue()).module();
        onFx(() -> zombies.list().getSelectionModel().select(second));

        String chain = onFx(() -> zombies.chain().text());
        long parentId = ANALYSES.get("cjs-hot-reload-leak").graph().nodeId(modules.module(modules.main()).node());
        long zombieId = ANALYSES.get("cjs-hot-reload-leak").graph().nodeId(zombie.node());
        assertTrue(chain.startsWith("Module @" + parentId + " → children → Array @"), chain);
        assertTrue(chain.endsWith("→ Module @" + zombieId), chain);
        assertTrue(chain.matches(".* → \\[\\d+] → .*"), chain);
        assertEquals(zombie.node(), pane.getSelectedNode());
        assertTrue(onFx(() -> ((Labeled) zombies.lookup("#zombie-chain-title")).getText())
                .contains("hot.js @" + zombieId));
    }

    @Test
    void aTransientZombieIsMarkedSo() throws Exception {
        ModulesPane pane = show("cjs-hot-reload-transient");

        String summary = onFx(() -> ((Labeled) pane.lookup("#modules-zombie-summary")).getText());
        assertTrue(summary.startsWith("1 zombie, 0 leaked, "), summary);
        Node note = onFx(() -> pane.zombies().lookup(".label.warning"));
        assertTrue(note.isVisible());
        assertTrue(((Labeled) note).getText().startsWith("transient (only stack/handle roots hold it)"));
    }

    @Test
    void moduleActionsAreOfferedForTheSelectedCommonJsModuleOnlyWhenARuntimeIsGiven() throws Exception {
        ModulesPane pane = show("cjs-hot-reload-leak");
        ModuleGraph modules = GRAPHS.get("cjs-hot-reload-leak");
        // A file has no process to act on: its menu only copies rows.
        assertEquals(List.of("Copy as Markdown"), onFx(() -> pane.tree().getContextMenu().getItems().stream()
                .map(javafx.scene.control.MenuItem::getText).toList()));

        List<String> calls = new java.util.ArrayList<>();
        onFx(() -> pane.setModuleActions("app.js", (module, action) ->
                calls.add(action.option() + " " + HeapText.shortModuleName(module.name()))));
        // main's first child: snap.js, the helper that writes the snapshot.
        JsModule snap = modules.module(modules.module(modules.main()).children().get(0));
        assertTrue(onFx(() -> pane.selectModule(snap.index())));
        assertEquals(snap.node(), pane.getSelectedNode());
        List<javafx.scene.control.MenuItem> items = onFx(() -> {
            pane.tree().getContextMenu().getOnShowing().handle(null);
            return List.copyOf(pane.tree().getContextMenu().getItems());
        });
        assertEquals(List.of("Delete from cache snap.js in app.js", "Delete and detach snap.js in app.js",
                "module.clearCache() snap.js in app.js", "Reload snap.js in app.js", "Copy as Markdown"),
                items.stream().map(javafx.scene.control.MenuItem::getText).filter(java.util.Objects::nonNull)
                        .toList());
        onFx(() -> items.get(1).fire());
        assertEquals(List.of("detach snap.js"), calls);

        onFx(() -> pane.setModuleActions("app.js", null));
        assertEquals(List.of("Copy as Markdown"), onFx(() -> pane.tree().getContextMenu().getItems().stream()
                .map(javafx.scene.control.MenuItem::getText).toList()), "the runtime went away");
    }

    @Test
    void selectingAModuleInTheTreeSelectsItsObject() throws Exception {
        ModulesPane pane = show("cjs-hot-reload-leak");
        ModuleGraph modules = GRAPHS.get("cjs-hot-reload-leak");
        assertEquals(-1, pane.getSelectedNode());

        onFx(() -> pane.tree().getSelectionModel().select(1));

        JsModule first = modules.module(modules.module(modules.main()).children().get(0));
        assertEquals(first.node(), pane.getSelectedNode());
    }

    @Test
    void anEsModuleAppShowsItsImportGraphAndTheAnchorAsAnotherRoot() throws Exception {
        ModulesPane pane = show("esm-app");

        List<TreeItem<ModuleTreeRow>> roots = onFx(() -> List.copyOf(pane.tree().getRoot().getChildren()));
        JsModule main = ((ModuleRow) roots.get(0).getValue()).module();
        assertEquals(ModuleState.MAIN, main.state());
        assertEquals("main.mjs", HeapText.shortModuleName(main.name()));
        assertEquals(List.of("node:module", "config.mjs", "store.mjs"), names(roots.get(0)));
        TreeItem<ModuleTreeRow> store = onFx(() -> roots.get(0).getChildren().get(2));
        assertEquals(List.of("config.mjs"), names(store));

        // createRequire(import.meta.url) made a CommonJS anchor for main.mjs, the parent of snap.js.
        assertEquals(2, roots.size());
        GroupRow group = (GroupRow) roots.get(1).getValue();
        assertEquals(GroupKind.COMMONJS_ROOTS, group.kind());
        assertEquals("2 modules", group.detail());
        TreeItem<ModuleTreeRow> anchor = onFx(() -> roots.get(1).getChildren().get(0));
        assertEquals(ModuleState.ANCHOR, ((ModuleRow) anchor.getValue()).module().state());
        assertEquals(List.of("snap.js"), names(anchor));
        assertEquals("No zombies", onFx(() -> ((Labeled) pane.lookup("#modules-zombie-summary")).getText()));
        assertNotNull(onFx(() -> pane.zombies().lookup("#zombies-none")));
    }

    @Test
    void vmModulesAreGroupedByContextWithTheirImports() throws Exception {
        ModulesPane pane = show("vm-modules-leak");

        List<TreeItem<ModuleTreeRow>> roots = onFx(() -> List.copyOf(pane.tree().getRoot().getChildren()));
        TreeItem<ModuleTreeRow> vm = roots.get(roots.size() - 1);
        GroupRow vmGroup = (GroupRow) vm.getValue();
        assertEquals(GroupKind.VM_MODULES, vmGroup.kind());
        assertEquals("20 modules in 10 contexts", vmGroup.detail());
        List<TreeItem<ModuleTreeRow>> contexts = onFx(() -> List.copyOf(vm.getChildren()));
        assertEquals(10, contexts.size());
        // Shown but not opened: their modules' items are not made yet.
        assertFalse(((PagedTreeItem<ModuleTreeRow>) contexts.get(0)).childrenMade());
        for (TreeItem<ModuleTreeRow> context : contexts) {
            GroupRow row = (GroupRow) context.getValue();
            assertTrue(row.title().matches("context @\\d+"), row.title());
            assertTrue(row.node() >= 0 && row.retainedSize() > 0);
            List<String> tests = names(context);
            assertEquals(1, tests.size(), tests::toString);
            assertTrue(tests.get(0).matches("test-\\d\\.mjs"), tests::toString);
            TreeItem<ModuleTreeRow> test = onFx(() -> context.getChildren().get(0));
            assertEquals(List.of(tests.get(0).replace("test-", "helper-")), names(test));
        }
    }

    @Test
    void aBrowserSnapshotShowsTheEmptyState() throws Exception {
        ModulesPane pane = show("browser-page");

        assertNull(pane.tree());
        Node empty = onFx(() -> pane.lookup("#modules-empty"));
        assertNotNull(empty);
        assertTrue(texts(pane, ".label").contains("No modules in this snapshot"));
    }

    @Test
    void theChartShowsTheTenModulesRetainingMostWithZombiesInTheirOwnSeries() throws Exception {
        ModulesPane pane = show("cjs-hot-reload-leak");
        ModuleGraph modules = GRAPHS.get("cjs-hot-reload-leak");

        List<TopModulesChart.Bar> bars = pane.chart().bars();
        assertEquals(TopModulesChart.TOP, bars.size());
        assertEquals(modules.main(), bars.get(0).module());
        assertEquals("cjs-hot-reload-leak.js", bars.get(0).label());
        // Copies of hot.js are told apart by id.
        assertTrue(bars.get(1).label().matches("hot\\.js @\\d+"), bars.get(1).label());
        var dataset = pane.chart().chart().getCategoryPlot().getDataset();
        assertEquals(List.of(TopModulesChart.MODULE_SERIES, TopModulesChart.ZOMBIE_SERIES), dataset.getRowKeys());
        for (TopModulesChart.Bar bar : bars) {
            boolean zombie = modules.module(bar.module()).state() == ModuleState.ZOMBIE;
            assertEquals(zombie, dataset.getValue(TopModulesChart.ZOMBIE_SERIES, bar) != null, bar::label);
        }
        // The bars' colours come from the theme: zombies in the danger colour, not JFreeChart's defaults.
        var renderer = pane.chart().chart().getCategoryPlot().getRenderer();
        assertEquals(onFx(() -> pane.chart().theme().awt(ThemeProbes.Token.DANGER)), renderer.getSeriesPaint(1));
        assertFalse(renderer.getSeriesPaint(0).equals(renderer.getSeriesPaint(1)));
    }

    private ModulesPane show(String sample) throws Exception {
        HeapAnalysis analysis = analysis(sample);
        ModuleGraph modules = GRAPHS.get(sample);
        Stage stage = FxToolkit.registerPrimaryStage();
        ModulesPane pane = onFx(() -> {
            ModulesPane built = new ModulesPane(modules, analysis);
            stage.setScene(new Scene(built, 1200, 900));
            stage.show();
            return built;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return pane;
    }

    private static synchronized HeapAnalysis analysis(String sample) throws IOException {
        HeapAnalysis analysis = ANALYSES.get(sample);
        if (analysis == null) {
            Path file = Path.of("..", "samples", "snapshots", sample + ".heapsnapshot.gz");
            analysis = HeapAnalysis.analyze(SnapshotReader.read(file, ProgressMonitor.none()), ProgressMonitor.none());
            ANALYSES.put(sample, analysis);
            GRAPHS.put(sample, ModuleGraph.compute(analysis, ProgressMonitor.none()));
        }
        return analysis;
    }

    private static List<String> names(TreeItem<ModuleTreeRow> item) throws Exception {
        return onFx(() -> item.getChildren().stream()
                .map(child -> HeapText.shortModuleName(((ModuleRow) child.getValue()).module().name())).toList());
    }

    private List<String> texts(Node from, String selector) throws Exception {
        return onFx(() -> robot.from(from).lookup(selector).queryAll().stream()
                .filter(node -> node instanceof Labeled).map(node -> ((Labeled) node).getText()).toList());
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get();
    }

    private static void onFx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get();
    }
}
