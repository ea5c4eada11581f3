package io.heapscope.model.runtime.demo;

import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.progress.CancellableProgress;
import io.heapscope.model.progress.CancelledException;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.runtime.GrowthVerdict;
import io.heapscope.model.runtime.LiveRuntime;
import io.heapscope.model.runtime.WatchCycle;
import io.heapscope.model.snapshot.HeapSnapshot;
import io.heapscope.model.analysis.HeapAnalysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demos run for real on their sample apps: the leak phase grows, the fix phase stays flat. */
class DemoScenarioTest {
    private static final Path SAMPLES = Path.of("..", "samples", "runtime").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    @AfterAll
    static void noNodeSurvives() {
        List<String> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .filter(line -> line.contains("node")).toList();
        assertEquals(List.of(), left, "node processes left running");
    }

    /** Records what the listener hears, to check the order the GUI and the command line rely on. */
    private static final class Events implements DemoScenario.Listener {
        final List<String> seen = new ArrayList<>();
        final List<HeapSnapshot> snapshots = new ArrayList<>();

        @Override
        public void phaseStarted(int index, DemoPhase phase) {
            seen.add("start " + phase.caption());
        }

        @Override
        public void cycleDone(DemoPhase phase, DemoCycle cycle, GrowthVerdict soFar) {
            seen.add("cycle " + cycle.number());
        }

        @Override
        public void snapshotTaken(DemoPhase phase, int cycle, Path file, HeapSnapshot snapshot) {
            snapshots.add(snapshot);
        }

        @Override
        public void phaseDone(int index, PhaseResult result) {
            seen.add("done " + result.verdict().word());
        }
    }

    private DemoResult run(DemoKind kind, int cycles, Events events) throws Exception {
        DemoScenario scenario = DemoScenario.of(kind, cycles, temp);
        try (LiveRuntime runtime = new LiveRuntime(kind.option(), DemoScenario.launch(kind, SAMPLES), e -> { })) {
            return scenario.run(runtime, ProgressMonitor.none(), events);
        }
    }

    @Test
    void hotReloadLeaksAZombiePerCycleThenTheFixStaysFlat() throws Exception {
        Events events = new Events();
        DemoResult result = run(DemoKind.HOT_RELOAD, 2, events);

        PhaseResult leak = result.phases().get(0);
        PhaseResult fix = result.phases().get(1);
        assertEquals("Leak: delete only", leak.phase().caption());
        assertEquals(List.of(1, 2), leak.watchCycles().stream().map(WatchCycle::zombieCount).toList());
        assertTrue(leak.verdict().grows(), leak.verdict().toString());
        assertEquals("zombies grew from 1 to 2 in 1 cycles", leak.verdict().reason());
        // The fix starts from what a restart leaves (the leak's copies dropped), and leaves none of its own.
        assertEquals(List.of(0, 0), fix.watchCycles().stream().map(WatchCycle::zombieCount).toList());
        assertEquals(List.of(1, 1), fix.watchCycles().stream().map(WatchCycle::moduleCopies).toList());
        assertFalse(fix.verdict().grows(), fix.verdict().toString());
        assertTrue(fix.watchCycles().get(1).moduleRetainedSize() < leak.watchCycles().get(1).moduleRetainedSize());
        assertTrue(result.showsLeakAndFix());

        assertEquals(List.of("start Leak: delete only", "cycle 1", "cycle 2", "done grows",
                "start Fix: delete + detach", "cycle 3", "cycle 4", "done flat"), events.seen);
        assertEquals(4, events.snapshots.size());
        assertEquals(temp.resolve("1-leak").resolve("cycle-2.heapsnapshot"), leak.lastSnapshot());
        assertTrue(Files.size(fix.lastSnapshot()) > 1_000_000);
        // The leak's last snapshot shows its zombies in the module graph, as the Modules view does.
        ModuleGraph modules = ModuleGraph.compute(HeapAnalysis.analyze(events.snapshots.get(1),
                ProgressMonitor.none()), ProgressMonitor.none());
        assertEquals(2, modules.leakedZombieCount());
    }

    @Test
    void listenersLeakHeapPerBurstThenTheFixStaysFlat() throws Exception {
        DemoResult result = run(DemoKind.LISTENERS, 3, new Events());

        PhaseResult leak = result.phases().get(0);
        PhaseResult fix = result.phases().get(1);
        int burst = DemoScenario.REQUESTS_PER_CYCLE;
        assertEquals(List.of((long) burst, 2L * burst, 3L * burst),
                leak.cycles().stream().map(DemoCycle::probe).toList(), "one listener per request, never removed");
        assertEquals(List.of(0L, 0L, 0L), fix.cycles().stream().map(DemoCycle::probe).toList());
        assertTrue(leak.verdict().grows(), leak.verdict().toString());
        assertTrue(leak.verdict().reason().startsWith("heap used after GC grew by "), leak.verdict().reason());
        // ~3 KB of session per listener.
        long grown = leak.watchCycles().get(2).heapUsedAfterSnapshotGc()
                - leak.watchCycles().get(0).heapUsedAfterSnapshotGc();
        assertTrue(grown > burst * 2_000L, "grew " + grown);
        assertFalse(fix.verdict().grows(), fix.verdict().toString());
        assertTrue(result.showsLeakAndFix());
        assertEquals(List.of(4, 5, 6), fix.cycles().stream().map(DemoCycle::number).toList());
    }

    @Test
    void vmModulesKeepHeapOnlyANormalGcSeesUntilTheCompilationCacheIsOff() throws Exception {
        DemoResult result = run(DemoKind.VM_MODULES, 2, new Events());

        PhaseResult leak = result.phases().get(0);
        PhaseResult fix = result.phases().get(1);
        // Ten test files a cycle, ~300 kB each, kept by V8's compilation cache until a snapshot's GC.
        for (WatchCycle cycle : leak.watchCycles()) {
            assertTrue(cycle.retainedOnlyUnderNormalGc() > 2_000_000, cycle.toString());
        }
        for (WatchCycle cycle : fix.watchCycles()) {
            assertTrue(cycle.retainedOnlyUnderNormalGc() < 1_000_000, cycle.toString());
        }
        assertTrue(leak.verdict().grows(), leak.verdict().toString());
        assertFalse(fix.verdict().grows(), fix.verdict().toString());
        assertEquals(0, leak.watchCycles().get(1).zombieCount(), "nothing a snapshot would call a leak");
    }

    @Test
    void cancellingStopsBetweenCyclesAndTheProcessEnds() throws Exception {
        CancellableProgress progress = new CancellableProgress();
        DemoScenario scenario = DemoScenario.of(DemoKind.LISTENERS, 3, null);
        try (LiveRuntime runtime = new LiveRuntime("listeners", DemoScenario.launch(DemoKind.LISTENERS, SAMPLES),
                e -> { })) {
            assertThrows(CancelledException.class, () -> scenario.run(runtime, progress, new DemoScenario.Listener() {
                @Override
                public void cycleDone(DemoPhase phase, DemoCycle cycle, GrowthVerdict soFar) {
                    progress.cancel();
                }
            }));
            assertEquals(DemoScenario.REQUESTS_PER_CYCLE,
                    runtime.session().evaluate("listenerHost.listenerCount()").asInt(), "stopped after cycle 1");
        }
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DemoScenario.of(DemoKind.HOT_RELOAD, 1, null));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> DemoKind.ofOption("sockets"));
        assertEquals("unknown demo 'sockets' (expected hot-reload, vm-modules or listeners)", unknown.getMessage());
    }
}
