package io.heapscope.model.modules;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.Retainers.Hop;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.CancelledException;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.SnapshotReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModuleGraphTest {
    private static final String HOT = "/samples/scenarios/hot/hot.js";

    static HeapAnalysis analyze(String sample) throws IOException {
        Path file = Path.of("..", "samples", "snapshots", sample + ".heapsnapshot.gz");
        return HeapAnalysis.analyze(SnapshotReader.read(file, ProgressMonitor.none()), ProgressMonitor.none());
    }

    @Test
    void twentyReloadsThatOnlyDeleteFromTheCacheLeaveTwentyZombiesHeldByTheParentsChildren() throws IOException {
        HeapAnalysis analysis = analyze("cjs-hot-reload-leak");
        HeapGraph graph = analysis.graph();
        ModuleGraph modules = ModuleGraph.compute(analysis, ProgressMonitor.none());

        JsModule main = modules.module(modules.main());
        assertEquals(ModuleState.MAIN, main.state());
        assertEquals(".", main.id());
        assertTrue(main.name().endsWith("/samples/scenarios/cjs-hot-reload-leak.js"), main.name());
        List<String> cached = modules.inState(ModuleState.CACHED).stream().map(JsModule::name).sorted().toList();
        assertEquals(2, cached.size(), cached::toString);
        assertTrue(cached.get(0).endsWith(HOT) && cached.get(1).endsWith("/samples/scenarios/snap.js"),
                cached::toString);

        List<JsModule> zombies = modules.inState(ModuleState.ZOMBIE);
        assertEquals(20, zombies.size());
        for (JsModule zombie : zombies) {
            assertTrue(zombie.name().endsWith(HOT), zombie.name());
            assertEquals(Boolean.TRUE, zombie.loaded());
            assertEquals(main.index(), zombie.parent());
            assertFalse(modules.isTransient(zombie.index()));
            assertTrue(zombie.retainedSize() > 80_000, () -> "retains " + zombie.retainedSize());
            List<Hop> path = modules.retainerPath(zombie.index());
            assertEquals(3, path.size(), path::toString);
            assertEquals(new Hop(-1, main.node()), path.get(0));
            assertEquals("children", graph.edgeName(path.get(1).edge()));
            assertEquals("element", graph.edgeTypeName(path.get(2).edge()));
            assertEquals(zombie.node(), path.get(2).node());
        }
        // Every copy of hot.js is one of the parent's children: each reload pushed the new copy.
        assertEquals(22, main.children().size());
        assertTrue(main.children().containsAll(zombies.stream().map(JsModule::index).toList()));
        assertEquals(20, modules.leakedZombieCount());

        assertEquals(1, modules.zombieGroups().size());
        ZombieGroup group = modules.zombieGroups().get(0);
        assertTrue(group.name().endsWith(HOT));
        assertEquals(20, group.modules().size());
        assertEquals(20, group.leakedCount());
        assertEquals(zombies.stream().mapToLong(JsModule::retainedSize).sum(), group.retainedSize());
        assertEquals(20, modules.totals().get(ModuleState.ZOMBIE).count());
        // The main module dominates its zombie children, so the MAIN total includes them.
        assertTrue(modules.totals().get(ModuleState.MAIN).retainedSize()
                > modules.totals().get(ModuleState.ZOMBIE).retainedSize());
    }

    @Test
    void theFixThatAlsoDetachesFromChildrenLeavesNoZombie() throws IOException {
        ModuleGraph modules = ModuleGraph.compute(analyze("cjs-hot-reload-fixed"), ProgressMonitor.none());

        assertEquals(List.of(), modules.inState(ModuleState.ZOMBIE));
        assertEquals(0, modules.leakedZombieCount());
        assertEquals(2, modules.module(modules.main()).children().size());
        assertEquals(1, modules.inState(ModuleState.CACHED).stream().filter(m -> m.name().endsWith(HOT)).count());
    }

    @Test
    void aZombieOnlyTheStackHoldsIsTransient() throws IOException {
        HeapAnalysis analysis = analyze("cjs-hot-reload-transient");
        ModuleGraph modules = ModuleGraph.compute(analysis, ProgressMonitor.none());

        List<JsModule> zombies = modules.inState(ModuleState.ZOMBIE);
        assertEquals(1, zombies.size());
        JsModule zombie = zombies.get(0);
        assertTrue(zombie.name().endsWith(HOT), zombie.name());
        assertTrue(modules.isTransient(zombie.index()));
        assertEquals(0, modules.leakedZombieCount());
        assertEquals(0, modules.zombieGroups().get(0).leakedCount());
        // No live module on the way: the path runs from the root through the stack roots.
        List<Hop> path = modules.retainerPath(zombie.index());
        assertEquals(0, path.get(0).node());
        assertTrue(path.stream().anyMatch(hop -> analysis.graph().nodeName(hop.node()).equals("(Stack roots)")));
    }

    @Test
    void anEsModuleAppHasItsImportGraphAndTheCreateRequireAnchor() throws IOException {
        ModuleGraph modules = ModuleGraph.compute(analyze("esm-app"), ProgressMonitor.none());

        JsModule main = modules.module(modules.main());
        assertEquals(ModuleKind.ESM, main.kind());
        assertTrue(main.name().startsWith("file:///") && main.name().endsWith("/esm-app/main.mjs"), main.name());
        JsModule config = esm(modules, "/esm-app/config.mjs");
        JsModule store = esm(modules, "/esm-app/store.mjs");
        JsModule builtin = esm(modules, "node:module");
        assertEquals(List.of(builtin.index(), config.index(), store.index()), main.imports());
        assertEquals(List.of(config.index()), store.imports());
        assertEquals(List.of(), config.imports());
        for (JsModule module : List.of(config, store, builtin)) {
            assertEquals(ModuleState.CACHED, module.state(), module::name);
        }

        // createRequire(import.meta.url) made a CommonJS module for main.mjs that is never loaded: an anchor,
        // and the parent of the snap.js it required.
        List<JsModule> anchors = modules.inState(ModuleState.ANCHOR);
        assertEquals(1, anchors.size());
        JsModule anchor = anchors.get(0);
        assertEquals(ModuleKind.CJS, anchor.kind());
        assertTrue(anchor.name().startsWith("/") && anchor.name().endsWith("/esm-app/main.mjs"), anchor.name());
        assertEquals(Boolean.FALSE, anchor.loaded());
        JsModule snap = modules.inState(ModuleState.CACHED).stream()
                .filter(m -> m.kind() == ModuleKind.CJS).findFirst().orElseThrow();
        assertEquals(anchor.index(), snap.parent());
        assertEquals(List.of(snap.index()), anchor.children());
        assertEquals(List.of(), modules.inState(ModuleState.ZOMBIE));
    }

    @Test
    void vmModulesAreGroupedByTheirContext() throws IOException {
        ModuleGraph modules = ModuleGraph.compute(analyze("vm-modules-leak"), ProgressMonitor.none());

        List<JsModule> vm = modules.modules().stream().filter(m -> m.kind() == ModuleKind.VM).toList();
        assertEquals(20, vm.size());
        assertTrue(vm.stream().allMatch(m -> m.state() == ModuleState.UNTRACKED));
        assertEquals(10, modules.vmContexts().size());
        for (VmContext context : modules.vmContexts()) {
            assertTrue(context.contextNode() >= 0);
            assertEquals(2, context.modules().size());
            JsModule test = context.modules().stream().map(modules::module)
                    .filter(m -> m.name().startsWith("test-")).findFirst().orElseThrow();
            JsModule helper = modules.module(test.imports().get(0));
            assertEquals("helper-" + test.name().substring("test-".length()), helper.name());
            assertTrue(context.modules().contains(helper.index()));
        }
        assertTrue(modules.module(modules.main()).name().endsWith("/vm-modules-leak.mjs"));
    }

    @Test
    void aBrowserSnapshotHasNoModules() throws IOException {
        ModuleGraph modules = ModuleGraph.compute(analyze("browser-page"), ProgressMonitor.none());

        assertTrue(modules.isEmpty());
        assertEquals(-1, modules.main());
        assertTrue(modules.totals().isEmpty());
        assertTrue(modules.zombieGroups().isEmpty());
    }

    @Test
    void findingModulesCanBeCancelled() throws IOException {
        HeapAnalysis analysis = analyze("cjs-hot-reload-leak");
        AtomicBoolean phaseStarted = new AtomicBoolean();
        ProgressMonitor cancelling = new ProgressMonitor() {
            @Override
            public void beginPhase(String name, long totalWork) {
                phaseStarted.compareAndSet(false, name.equals(ModuleGraph.PHASE));
            }

            @Override
            public void progress(long workDone) {
            }

            @Override
            public boolean isCancelled() {
                return phaseStarted.get();
            }
        };

        assertThrows(CancelledException.class, () -> ModuleGraph.compute(analysis, cancelling));
    }

    private static JsModule esm(ModuleGraph modules, String nameEnd) {
        return modules.modules().stream().filter(m -> m.kind() == ModuleKind.ESM && m.name().endsWith(nameEnd))
                .findFirst().orElseThrow();
    }
}
