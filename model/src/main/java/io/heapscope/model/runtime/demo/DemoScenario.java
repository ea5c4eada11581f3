package io.heapscope.model.runtime.demo;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.inspector.InspectorException;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.runtime.GrowthVerdict;
import io.heapscope.model.runtime.LiveRuntime;
import io.heapscope.model.runtime.ModuleAction;
import io.heapscope.model.runtime.ModuleActionResult;
import io.heapscope.model.runtime.ModuleWatch;
import io.heapscope.model.runtime.RuntimeMarker;
import io.heapscope.model.runtime.RuntimeSession;
import io.heapscope.model.runtime.WatchCycle;
import io.heapscope.model.runtime.WatchPlan;
import io.heapscope.model.snapshot.HeapSnapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A leak and its fix, shown on a sample app in about a minute: two {@link DemoPhase}s, each a watch of a few cycles
 * on the same running process, each with its verdict. The desktop app and {@code heapscope demo --headless} run
 * this same scenario; only what they do with the listener's news differs.
 *
 * <p>The fix phase starts from the app as it would be after a restart (its setup drops what the leak phase left):
 * otherwise the leak's leftovers would sit under the fix's cycles and blur the comparison. Everything runs only
 * because the user started the demo: that is the explicit action every target-side evaluation needs.
 */
public final class DemoScenario {
    /** The hot-reload sample's plugin, as its main module requires it. */
    static final String PLUGIN = "./plugins/greeter.js";
    static final int TEST_FILES_PER_CYCLE = 10;
    static final int REQUESTS_PER_CYCLE = 200;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    /** Drops the copies of the plugin that "delete only" left in the children arrays, as a restart of the app would. */
    private static final String DROP_LEFT_PLUGIN_COPIES = """
            (() => {
              const main = process.mainModule;
              const Module = main.constructor;
              const file = Module._resolveFilename(%s, main);
              let dropped = 0;
              for (const holder of new Set([main, ...Object.values(Module._cache)])) {
                const children = holder && holder.children;
                if (!Array.isArray(children)) continue;
                for (let i = children.length - 1; i >= 0; i--) {
                  if (children[i].filename === file && children[i] !== Module._cache[file]) {
                    children.splice(i, 1);
                    dropped++;
                  }
                }
              }
              return dropped;
            })()""".formatted("'" + PLUGIN + "'");

    /** Hears how the demo goes, on the thread that runs it. */
    public interface Listener {
        default void phaseStarted(int index, DemoPhase phase) {
        }

        default void actionDone(DemoPhase phase, ModuleActionResult result) {
        }

        /** A cycle was measured; {@code soFar} judges the phase's cycles up to this one. */
        void cycleDone(DemoPhase phase, DemoCycle cycle, GrowthVerdict soFar);

        /** A cycle's snapshot, saved as {@code file} (null when the scenario saves none). */
        default void snapshotTaken(DemoPhase phase, int cycle, Path file, HeapSnapshot snapshot) {
        }

        /** A cycle's snapshot analysed, before the watch drops it: keep what a report needs (a zombie's chain). */
        default void cycleAnalysed(DemoPhase phase, int cycle, HeapAnalysis analysis, ModuleGraph modules,
                                   String file) {
        }

        default void phaseDone(int index, PhaseResult result) {
        }
    }

    private final DemoKind kind;
    private final int cyclesPerPhase;
    private final List<DemoPhase> phases;

    private DemoScenario(DemoKind kind, int cyclesPerPhase, List<DemoPhase> phases) {
        this.kind = kind;
        this.cyclesPerPhase = cyclesPerPhase;
        this.phases = phases;
    }

    /**
     * The demo of {@code kind} with {@code cycles} cycles per phase (2 or more: one cannot show growth);
     * {@code snapshotDirectory}, when not null, keeps every cycle's snapshot ({@code 1-leak/cycle-N.heapsnapshot}).
     */
    public static DemoScenario of(DemoKind kind, int cycles, Path snapshotDirectory) {
        if (cycles < 2) {
            throw new IllegalArgumentException("a demo needs 2 or more cycles per phase, not " + cycles);
        }
        Path leakDirectory = snapshotDirectory == null ? null : snapshotDirectory.resolve("1-leak");
        Path fixDirectory = snapshotDirectory == null ? null : snapshotDirectory.resolve("2-fix");
        List<DemoPhase> phases = switch (kind) {
            case HOT_RELOAD -> List.of(
                    new DemoPhase("Leak: delete only", "Each cycle deletes plugins/greeter.js from require.cache "
                            + "and reloads it, as a hot reloader does; the old copy stays in its parent's children.",
                            true, null, null,
                            new WatchPlan(PLUGIN, ModuleAction.DELETE, null, cycles, leakDirectory),
                            DemoMeasure.MODULE_COPIES, null, null),
                    new DemoPhase("Fix: delete + detach", "Each cycle also removes the old copy from its parent's "
                            + "children, so nothing holds it any more.",
                            false, DROP_LEFT_PLUGIN_COPIES, "copies the leak left dropped, as a restart would",
                            new WatchPlan(PLUGIN, ModuleAction.DETACH, null, cycles, fixDirectory),
                            DemoMeasure.MODULE_COPIES, null, null));
            case VM_MODULES -> List.of(
                    new DemoPhase("Leak: vm modules in fresh contexts", "Each cycle runs " + TEST_FILES_PER_CYCLE
                            + " test files as vm.SourceTextModules, each in a fresh vm.Context, as Jest's ESM mode "
                            + "does; the runner drops them, V8's compilation cache keeps them.",
                            true, "useCompilationCache(true)", "compilation cache on",
                            new WatchPlan(null, null, "runTestFiles(" + TEST_FILES_PER_CYCLE + ")", cycles,
                                    leakDirectory),
                            DemoMeasure.NORMAL_GC_ONLY, null, null),
                    new DemoPhase("Fix: compilation cache off", "The same test files with V8's compilation cache "
                            + "off (node --no-compilation-cache): a normal GC frees each context.",
                            false, "useCompilationCache(false)", "compilation cache off",
                            new WatchPlan(null, null, "runTestFiles(" + TEST_FILES_PER_CYCLE + ")", cycles,
                                    fixDirectory),
                            DemoMeasure.NORMAL_GC_ONLY, null, null));
            case LISTENERS -> List.of(
                    new DemoPhase("Leak: a listener per request", "Each cycle serves " + REQUESTS_PER_CYCLE
                            + " requests; each adds a 'change' listener to the app's settings emitter and never "
                            + "removes it, and the listener keeps the request's session alive.",
                            true, "listenerHost.setFixed(false)", "fix off",
                            new WatchPlan(null, null, "listenerHost.burst(" + REQUESTS_PER_CYCLE + ")", cycles,
                                    leakDirectory),
                            DemoMeasure.HEAP_AFTER_GC, "listenerHost.listenerCount()", "listeners"),
                    new DemoPhase("Fix: remove the listener when the request ends", "The same requests; each "
                            + "removes its listener when it ends.",
                            false, "(listenerHost.restart(), listenerHost.setFixed(true))",
                            "fix on; the leak's listeners dropped, as a restart would",
                            new WatchPlan(null, null, "listenerHost.burst(" + REQUESTS_PER_CYCLE + ")", cycles,
                                    fixDirectory),
                            DemoMeasure.HEAP_AFTER_GC, "listenerHost.listenerCount()", "listeners"));
        };
        return new DemoScenario(kind, cycles, phases);
    }

    /**
     * Launches the demo's sample app from {@code samplesDirectory} ({@code samples/runtime}) under the inspector on
     * a loopback port. {@link #run} waits until it is ready.
     */
    public static RuntimeSession launch(DemoKind kind, Path samplesDirectory) throws InspectorException {
        return RuntimeSession.launch(kind.command(samplesDirectory), samplesDirectory);
    }

    public DemoKind kind() {
        return kind;
    }

    public List<DemoPhase> phases() {
        return phases;
    }

    public int cyclesPerPhase() {
        return cyclesPerPhase;
    }

    public int totalCycles() {
        return cyclesPerPhase * phases.size();
    }

    /**
     * Runs every phase on {@code runtime}: the phase's setup, then its watch; actions and phases are marked on the
     * runtime's telemetry. Cancelled through {@code monitor} between cycles (and during a snapshot).
     */
    public DemoResult run(LiveRuntime runtime, ProgressMonitor monitor, Listener listener) throws IOException {
        RuntimeSession session = runtime.session();
        if (kind.readyCondition() != null) {
            session.awaitTrue(kind.readyCondition(), READY_TIMEOUT);
        }
        List<PhaseResult> results = new ArrayList<>();
        for (int index = 0; index < phases.size(); index++) {
            monitor.checkCancelled();
            DemoPhase phase = phases.get(index);
            listener.phaseStarted(index, phase);
            if (phase.setup() != null) {
                session.evaluate(phase.setup());
            }
            runtime.mark(RuntimeMarker.Kind.ACTION, phase.caption());
            results.add(runPhase(runtime, index, phase, monitor, listener));
            listener.phaseDone(index, results.get(index));
        }
        return new DemoResult(kind, session.nodeVersion(), List.copyOf(results));
    }

    private PhaseResult runPhase(LiveRuntime runtime, int index, DemoPhase phase, ProgressMonitor monitor,
                                 Listener listener) throws IOException {
        int offset = index * cyclesPerPhase;
        List<DemoCycle> cycles = new ArrayList<>();
        List<WatchCycle> watched = new ArrayList<>();
        Path[] lastSnapshot = new Path[1];
        runtime.watch(phase.plan(), monitor, new ModuleWatch.Listener() {
            @Override
            public void actionDone(int cycle, ModuleActionResult result) {
                listener.actionDone(phase, result);
            }

            @Override
            public void snapshotTaken(int cycle, Path file, HeapSnapshot snapshot) {
                lastSnapshot[0] = file;
                listener.snapshotTaken(phase, cycle, file, snapshot);
            }

            @Override
            public void cycleAnalysed(int cycle, HeapAnalysis analysis, ModuleGraph modules, String file) {
                listener.cycleAnalysed(phase, cycle, analysis, modules, file);
            }

            @Override
            public void cycleDone(WatchCycle cycle) {
                long probe = -1;
                if (phase.probe() != null) {
                    try {
                        probe = runtime.session().evaluate(phase.probe()).asLong(-1);
                    } catch (InspectorException e) {
                        // The count is a caption's extra; the cycle's measures stand without it.
                        probe = -1;
                    }
                }
                DemoCycle measured = new DemoCycle(index, offset + cycle.cycle(), cycle, probe);
                cycles.add(measured);
                watched.add(cycle);
                listener.cycleDone(phase, measured, phase.measure().judge(watched));
            }
        });
        return new PhaseResult(phase, List.copyOf(cycles), phase.measure().judge(watched), lastSnapshot[0]);
    }
}
