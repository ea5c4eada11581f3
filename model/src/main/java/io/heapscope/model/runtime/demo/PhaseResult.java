package io.heapscope.model.runtime.demo;

import io.heapscope.model.runtime.GrowthVerdict;
import io.heapscope.model.runtime.WatchCycle;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished phase: its cycles, their verdict, and the last cycle's snapshot file (the one that shows the phase's
 * zombies, or their absence), or null when snapshots were not saved.
 */
public record PhaseResult(DemoPhase phase, List<DemoCycle> cycles, GrowthVerdict verdict, Path lastSnapshot) {

    /** The watch cycles alone, numbered 1.. within the phase, as {@code heapscope watch} reports them. */
    public List<WatchCycle> watchCycles() {
        return cycles.stream().map(DemoCycle::watch).toList();
    }
}
