package io.heapscope.model.runtime;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.inspector.InspectorException;
import io.heapscope.model.modules.ModuleFootprint;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.HeapSnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link WatchPlan} on a runtime: per cycle the action, the two GCs, a snapshot over the inspector and the
 * module graph, so a user sees whether a clear/reload leaves memory behind, cycle by cycle.
 *
 * <p>A clearing action is followed by a reload through the main module, as a hot reloader does, so that every
 * cycle has a fresh copy to clear.
 */
public final class ModuleWatch {

    /** Hears about each cycle as it ends (the command line prints a row, the app adds a chart point). */
    public interface Listener {
        void actionDone(int cycle, ModuleActionResult result);

        void cycleDone(WatchCycle cycle);

        /**
         * The cycle's snapshot, analysed, before the watch drops it (no graph is kept between cycles): the moment
         * to keep what a report needs from it, such as a zombie's retainer chain, as small values. {@code file} is
         * the watched module's resolved name, or {@code null}. Called before {@link #cycleDone}.
         */
        default void cycleAnalysed(int cycle, HeapAnalysis analysis, ModuleGraph modules, String file) {
        }
    }

    private final RuntimeSession session;
    private final WatchPlan plan;

    public ModuleWatch(RuntimeSession session, WatchPlan plan) {
        this.session = session;
        this.plan = plan;
    }

    public List<WatchCycle> run(ProgressMonitor monitor, Listener listener) throws IOException {
        if (plan.saveSnapshotsTo() != null) {
            Files.createDirectories(plan.saveSnapshotsTo());
        }
        String file = plan.module() == null ? null : session.resolveModule(plan.module());
        List<WatchCycle> cycles = new ArrayList<>();
        for (int cycle = 1; cycle <= plan.cycles(); cycle++) {
            monitor.checkCancelled();
            act(cycle, listener);
            WatchCycle measured = measure(cycle, file, monitor, listener);
            cycles.add(measured);
            listener.cycleDone(measured);
        }
        return cycles;
    }

    private void act(int cycle, Listener listener) throws InspectorException {
        if (plan.action() != null) {
            ModuleActionResult result = session.apply(plan.action(), plan.module());
            if (cycle == 1 && !result.wasCached()) {
                throw new InspectorException(result.file() + " is not in the target's require.cache;"
                        + " is it the path the app requires?");
            }
            listener.actionDone(cycle, result);
            if (plan.action() != ModuleAction.RELOAD) {
                listener.actionDone(cycle, session.apply(ModuleAction.RELOAD, plan.module()));
            }
        }
        if (plan.evaluate() != null) {
            session.evaluate(plan.evaluate());
        }
    }

    private WatchCycle measure(int cycle, String file, ProgressMonitor monitor, Listener listener)
            throws IOException {
        GcComparison gcs = session.compareGcs();
        Path saveTo = plan.saveSnapshotsTo() == null ? null
                : plan.saveSnapshotsTo().resolve("cycle-%d.heapsnapshot".formatted(cycle));
        HeapSnapshot snapshot = LiveSnapshot.take(session, monitor, saveTo);
        HeapAnalysis analysis = HeapAnalysis.analyze(snapshot, monitor);
        ModuleGraph modules = ModuleGraph.compute(analysis, monitor);
        listener.cycleAnalysed(cycle, analysis, modules, file);
        if (file == null) {
            return new WatchCycle(cycle, gcs.heapUsedAfterNormalGc(), gcs.heapUsedAfterSnapshotGc(), 0,
                    modules.leakedZombieCount(), 0);
        }
        ModuleFootprint footprint = ModuleFootprint.of(modules, analysis, file);
        return new WatchCycle(cycle, gcs.heapUsedAfterNormalGc(), gcs.heapUsedAfterSnapshotGc(),
                footprint.retainedSize(), footprint.leakedZombies(), footprint.copies());
    }
}
