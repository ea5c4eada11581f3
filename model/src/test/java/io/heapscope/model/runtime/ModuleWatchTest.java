package io.heapscope.model.runtime;

import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.SnapshotReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Watch runs on the plugin host: the classic leak grows a zombie per cycle, the fix stays flat. */
class ModuleWatchTest {

    @AfterAll
    static void noNodeSurvives() {
        LiveTargets.assertNoNodeLeft();
    }

    @TempDir
    Path temp;

    private final List<ModuleActionResult> actions = new ArrayList<>();

    private List<WatchCycle> watch(ModuleAction action, int cycles, Path saveTo) throws Exception {
        try (RuntimeSession session = LiveTargets.pluginHost()) {
            WatchPlan plan = new WatchPlan(LiveTargets.PLUGIN, action, null, cycles, saveTo);
            return new ModuleWatch(session, plan).run(ProgressMonitor.none(), new ModuleWatch.Listener() {
                @Override
                public void actionDone(int cycle, ModuleActionResult result) {
                    actions.add(result);
                }

                @Override
                public void cycleDone(WatchCycle cycle) {
                }
            });
        }
    }

    @Test
    void deleteOnlyLeavesOneMoreZombiePerCycle() throws Exception {
        List<WatchCycle> cycles = watch(ModuleAction.DELETE, 3, temp);

        assertEquals(List.of(1, 2, 3), cycles.stream().map(WatchCycle::zombieCount).toList());
        assertEquals(List.of(2, 3, 4), cycles.stream().map(WatchCycle::moduleCopies).toList());
        // Each copy holds ~200 KB of phrases.
        assertTrue(cycles.get(2).moduleRetainedSize() - cycles.get(0).moduleRetainedSize() > 300_000,
                cycles.toString());
        GrowthVerdict verdict = GrowthVerdict.of(cycles);
        assertTrue(verdict.grows(), verdict.toString());
        assertEquals("zombies grew from 1 to 3 in 2 cycles", verdict.reason());
        // The delete, then the reload a hot reloader would do, every cycle.
        assertEquals(List.of(ModuleAction.DELETE, ModuleAction.RELOAD, ModuleAction.DELETE, ModuleAction.RELOAD,
                ModuleAction.DELETE, ModuleAction.RELOAD), actions.stream().map(ModuleActionResult::action).toList());
        assertTrue(SnapshotReader.read(temp.resolve("cycle-3.heapsnapshot"), ProgressMonitor.none())
                .graph().nodeCount() > 10_000, "each cycle's snapshot is saved");
    }

    @Test
    void deleteAndDetachStaysFlat() throws Exception {
        List<WatchCycle> cycles = watch(ModuleAction.DETACH, 3, null);

        assertEquals(List.of(0, 0, 0), cycles.stream().map(WatchCycle::zombieCount).toList());
        assertEquals(List.of(1, 1, 1), cycles.stream().map(WatchCycle::moduleCopies).toList());
        GrowthVerdict verdict = GrowthVerdict.of(cycles);
        assertFalse(verdict.grows(), verdict.toString());
    }
}
