package io.heapscope.model.analysis;

import io.heapscope.model.analysis.classes.ClassNames;
import io.heapscope.model.analysis.classes.ClassSummary;
import io.heapscope.model.progress.CancellableProgress;
import io.heapscope.model.progress.CancelledException;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.HeapSnapshot;
import io.heapscope.model.snapshot.SnapshotReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The analysis is a pipeline of named phases, in DevTools' order, each of which can be cancelled. */
class AnalysisProgressTest {

    private static HeapSnapshot sample() throws IOException {
        return SnapshotReader.read(OracleReference.snapshotFile("cjs-hot-reload-leak"), ProgressMonitor.none());
    }

    @Test
    void runsNamedPhasesInDevToolsOrder() throws IOException {
        List<String> phases = new ArrayList<>();
        ProgressMonitor recorder = new CancellableProgress() {
            @Override
            public void beginPhase(String name, long totalWork) {
                phases.add(name);
            }
        };
        HeapSnapshot snapshot = sample();

        HeapAnalysis analysis = HeapAnalysis.analyze(snapshot, recorder);
        ClassSummary.compute(ClassNames.compute(snapshot, recorder), analysis, recorder);

        assertEquals(List.of("Indexing retainers", "Marking page-owned objects", "Calculating shallow sizes",
                "Calculating distances", "Selecting essential edges", "Building the dominator tree"),
                phases.subList(0, 6));
        assertEquals(ClassSummary.PHASE, phases.get(phases.size() - 1));
    }

    @Test
    void everyPhaseStopsWhenCancelled() throws IOException {
        List<String> names = List.of("Indexing retainers", "Marking page-owned objects", "Calculating shallow sizes",
                "Calculating distances", "Selecting essential edges", "Building the dominator tree");
        for (String phase : names) {
            HeapSnapshot snapshot = sample();
            CancellableProgress cancelInPhase = new CancellableProgress() {
                @Override
                public void beginPhase(String name, long totalWork) {
                    if (name.equals(phase)) {
                        cancel();
                    }
                }
            };
            assertThrows(CancelledException.class, () -> HeapAnalysis.analyze(snapshot, cancelInPhase), phase);
        }
    }
}
