package io.heapscope.model.analysis;

import io.heapscope.model.progress.CancellableProgress;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.HeapSnapshot;
import io.heapscope.model.snapshot.SnapshotReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhaseCollectionsTest {
    @AfterEach
    void off() {
        PhaseCollections.collectWith(null);
    }

    @Test
    void anAnalysisCollectsBeforeItStartsBeforeTheTreeAndAfterIt() throws IOException {
        HeapSnapshot snapshot = SnapshotReader.read(OracleReference.snapshotFile("tiny"), ProgressMonitor.none());
        List<String> phasesAtCollections = new ArrayList<>();
        List<String> phases = new ArrayList<>();
        ProgressMonitor monitor = new CancellableProgress() {
            @Override
            public void beginPhase(String name, long totalWork) {
                phases.add(name);
            }
        };
        // The side thread's monitor drops its phases, so the last one begun is this thread's.
        PhaseCollections.collectWith(() ->
                phasesAtCollections.add(phases.isEmpty() ? "" : phases.get(phases.size() - 1)));

        HeapAnalysis collected = HeapAnalysis.analyze(snapshot, monitor);

        assertEquals(List.of("", EssentialEdges.PHASE, DominatorTree.PHASE), phasesAtCollections,
                "the phase each collection came in");
        PhaseCollections.collectWith(null);
        HeapAnalysis plain = HeapAnalysis.analyze(snapshot, ProgressMonitor.none());
        for (int node = 0; node < snapshot.graph().nodeCount(); node++) {
            assertEquals(plain.retainedSize(node), collected.retainedSize(node));
            assertEquals(plain.dominator(node), collected.dominator(node));
        }
    }
}
