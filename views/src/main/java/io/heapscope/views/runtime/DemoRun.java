package io.heapscope.views.runtime;

import io.heapscope.model.runtime.GrowthVerdict;
import io.heapscope.model.runtime.WatchCycle;
import io.heapscope.model.runtime.demo.DemoCycle;
import io.heapscope.model.runtime.demo.DemoMeasure;
import io.heapscope.model.runtime.demo.DemoPhase;
import io.heapscope.model.runtime.demo.DemoScenario;
import io.heapscope.model.runtime.demo.PhaseResult;
import io.heapscope.model.snapshot.HeapSnapshot;
import javafx.application.Platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A demo as the runtime window shows it: hears the scenario on its worker thread and moves the news to the FX
 * thread: the caption, one cycle chart over both phases (a line where the fix begins), and the last snapshot of each
 * phase into the Snapshots list.
 */
final class DemoRun implements DemoScenario.Listener {
    private final DemoScenario scenario;
    private final DemoCaption caption;
    private final CycleChart chart;
    private final RuntimePane.SnapshotSink snapshots;
    private final java.util.function.Consumer<String> status;

    /** @param status shows a line in the runtime's status bar (on the FX thread) */
    DemoRun(DemoScenario scenario, DemoCaption caption, CycleChart chart, RuntimePane.SnapshotSink snapshots,
            java.util.function.Consumer<String> status) {
        this.status = status;
        this.scenario = scenario;
        this.caption = caption;
        this.chart = chart;
        this.snapshots = snapshots;
    }

    @Override
    public void phaseStarted(int index, DemoPhase phase) {
        Platform.runLater(() -> {
            if (index == 0) {
                chart.clear();
                chart.showModuleSeries(phase.measure() == DemoMeasure.MODULE_COPIES);
                chart.showSnapshotGcSeries(phase.measure() != DemoMeasure.MODULE_COPIES);
                int cycles = scenario.cyclesPerPhase();
                for (int i = 0; i < scenario.phases().size(); i++) {
                    DemoPhase each = scenario.phases().get(i);
                    chart.showPhase(i * cycles + 1, (i + 1) * cycles, each.caption(), each.leak());
                }
            }
            caption.phaseStarted(index, phase);
            status.accept("Demo: " + phase.caption() + " (phase " + (index + 1) + " of "
                    + scenario.phases().size() + ")");
        });
    }

    @Override
    public void cycleDone(DemoPhase phase, DemoCycle cycle, GrowthVerdict soFar) {
        WatchCycle watch = cycle.watch();
        // One chart for both phases: the cycle's number across the demo is its place on the axis.
        WatchCycle placed = new WatchCycle(cycle.number(), watch.heapUsedAfterGc(), watch.heapUsedAfterSnapshotGc(),
                watch.moduleRetainedSize(), watch.zombieCount(), watch.moduleCopies());
        String extra = cycle.probe() < 0 ? null : cycle.probe() + " " + phase.probeLabel();
        Platform.runLater(() -> {
            boolean judged = watch.cycle() >= 2;
            chart.add(placed, phase.caption() + (judged ? ", so far: " + soFar.word() + " (" + soFar.reason() + ")"
                    : ": measuring…"), judged ? soFar.grows() : null);
            caption.cycleDone(cycle.phase(), watch.cycle(), extra, soFar);
            status.accept("Demo: " + phase.caption() + ", cycle " + watch.cycle() + " of "
                    + scenario.cyclesPerPhase() + " measured");
        });
    }

    @Override
    public void snapshotTaken(DemoPhase phase, int cycle, Path file, HeapSnapshot snapshot) {
        if (file == null || cycle != scenario.cyclesPerPhase()) {
            return;
        }
        Path named = nameForList(phase, cycle, file);
        Platform.runLater(() -> snapshots.accept(named, snapshot));
    }

    @Override
    public void phaseDone(int index, PhaseResult result) {
        GrowthVerdict verdict = result.verdict();
        Platform.runLater(() -> {
            caption.phaseDone(index, verdict);
            chart.add(null, result.phase().caption() + ": " + verdict.word() + " (" + verdict.reason() + ")",
                    verdict.grows());
        });
    }

    /**
     * Every phase's snapshots are {@code cycle-N.heapsnapshot}; in the list they need telling apart, so the one
     * shown gets a second name (a hard link, or a copy where links fail) that says which demo and phase it is.
     */
    private Path nameForList(DemoPhase phase, int cycle, Path file) {
        Path named = file.resolveSibling(scenario.kind().option() + "-" + (phase.leak() ? "leak" : "fix")
                + "-cycle-" + cycle + ".heapsnapshot");
        try {
            Files.deleteIfExists(named);
            try {
                Files.createLink(named, file);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(file, named);
            }
            return named;
        } catch (IOException e) {
            return file;
        }
    }
}
