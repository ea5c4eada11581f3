package io.heapscope.model.modules;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModuleDiffTest {
    private static final String HOT = "/samples/scenarios/hot/hot.js";

    private static ModuleDiff diff(String base, String target) throws IOException {
        HeapAnalysis before = ModuleGraphTest.analyze(base);
        HeapAnalysis after = ModuleGraphTest.analyze(target);
        return ModuleDiff.compute(before.graph(), ModuleGraph.compute(before, ProgressMonitor.none()),
                after.graph(), ModuleGraph.compute(after, ProgressMonitor.none()));
    }

    @Test
    void fiveDeleteOnlyReloadsTurnTheCachedCopyIntoAZombieAndAddFourMore() throws IOException {
        ModuleDiff diff = diff("reload-before", "reload-after");

        List<ModuleChange> newZombies = diff.newZombies();
        assertEquals(5, newZombies.size(), newZombies::toString);
        assertTrue(newZombies.stream().allMatch(c -> c.name().endsWith(HOT)));
        // The copy loaded before the first snapshot is the same object: cached then, a zombie now.
        List<ModuleChange> demoted = newZombies.stream().filter(c -> !c.isAdded()).toList();
        assertEquals(1, demoted.size(), demoted::toString);
        assertEquals(ModuleState.CACHED, demoted.get(0).baseState());

        List<String> added = diff.added().stream().map(c -> c.name() + " " + c.targetState().label()).sorted().toList();
        assertEquals(6, added.size(), added::toString);
        assertTrue(added.get(0).endsWith("/hot/config.js cached"), added::toString);
        assertEquals(1, added.stream().filter(a -> a.endsWith("hot.js cached")).count(), added::toString);
        assertEquals(4, added.stream().filter(a -> a.endsWith("hot.js zombie")).count(), added::toString);
        assertEquals(List.of(), diff.removed());

        // Every zombie copy is a child of the main module, so the main module retains more.
        ModuleChange main = diff.changes().stream().filter(c -> c.targetState() == ModuleState.MAIN)
                .findFirst().orElseThrow();
        assertTrue(main.retainedSizeDelta() > 4 * 80_000, main::toString);
        assertEquals(main, diff.changes().get(0));
    }

    @Test
    void comparingTheOtherWayRoundRemovesWhatWasAdded() throws IOException {
        ModuleDiff diff = diff("reload-after", "reload-before");

        assertEquals(6, diff.removed().size());
        assertEquals(List.of(), diff.added());
        assertEquals(List.of(), diff.newZombies());
    }

    @Test
    void twoProcessesArePairedByFileName() throws IOException {
        ModuleDiff diff = diff("cjs-hot-reload-fixed", "cjs-hot-reload-leak");

        // Both have snap.js and one cached hot.js; the leak adds 20 zombie copies of hot.js. The main scripts
        // have different names, so they are different modules.
        List<ModuleChange> added = diff.added();
        assertEquals(21, added.size(), added::toString);
        assertEquals(20, added.stream().filter(c -> c.name().endsWith(HOT)).count());
        assertEquals(20, diff.newZombies().size());
        assertEquals(1, diff.removed().size());
        assertTrue(diff.removed().get(0).name().endsWith("/cjs-hot-reload-fixed.js"));
        assertEquals(24, diff.changes().size());
        assertTrue(diff.changes().stream().filter(c -> c.name().endsWith(HOT) && !c.isAdded())
                .allMatch(c -> c.baseState() == ModuleState.CACHED && c.targetState() == ModuleState.CACHED));
    }
}
