package io.heapscope.model.analysis;

import io.heapscope.model.analysis.classes.ClassNames;
import io.heapscope.model.analysis.classes.ClassSummary;
import io.heapscope.model.progress.CancellableProgress;
import io.heapscope.model.progress.CancelledException;
import io.heapscope.model.progress.PhaseTimer;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.HeapSnapshot;
import io.heapscope.model.snapshot.SnapshotReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analysis is a pipeline of named phases on two threads, each of which can be cancelled. */
class AnalysisProgressTest {

    private static HeapSnapshot sample() throws IOException {
        return SnapshotReader.read(OracleReference.snapshotFile("cjs-hot-reload-leak"), ProgressMonitor.none());
    }

    @Test
    void runsTheDominatorLineHereAndTheRestBeside() throws IOException {
        List<String> phases = new ArrayList<>();
        ProgressMonitor recorder = new CancellableProgress() {
            @Override
            public void beginPhase(String name, long totalWork) {
                phases.add(name);
            }
        };
        HeapSnapshot snapshot = sample();
        PhaseTimer timer = new PhaseTimer(recorder);

        HeapAnalysis.With<ClassNames> analysed = HeapAnalysis.analyze(snapshot, timer,
                side -> ClassNames.compute(snapshot, side));
        ClassSummary.compute(analysed.beside(), analysed.analysis(), timer);
        timer.stop();

        // The progress bar follows the line the dominator tree is on; the other phases are timed beside it. Both
        // lines select half of the essential edges.
        assertEquals(List.of("Calculating shallow sizes", "Selecting essential edges",
                "Building the dominator tree", ClassSummary.PHASE), phases);
        assertTrue(timer.millis().keySet().containsAll(List.of("Marking page-owned objects" + PhaseTimer.BESIDE,
                "Selecting essential edges" + PhaseTimer.BESIDE, "Calculating distances" + PhaseTimer.BESIDE,
                ClassNames.PHASE + PhaseTimer.BESIDE)),
                timer.millis().keySet().toString());
    }

    /**
     * The caller's work after the tree does not wait for the work beside, which may end later; the tree downwards
     * it builds there is the one the analysis keeps.
     */
    @Test
    void theCallersWorkAfterTheTreeRunsWhileTheWorkBesideGoesOn() throws Exception {
        HeapSnapshot snapshot = sample();
        CountDownLatch callerRan = new CountDownLatch(1);
        AtomicReference<DominatedNodes> builtMeanwhile = new AtomicReference<>();

        HeapAnalysis.With<Boolean> analysed = HeapAnalysis.analyze(snapshot, ProgressMonitor.none(),
                side -> {
                    try {
                        return callerRan.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                },
                analysis -> {
                    builtMeanwhile.set(analysis.dominated());
                    callerRan.countDown();
                });

        assertTrue(analysed.beside(), "the work beside saw the caller's run before it ended");
        assertSame(builtMeanwhile.get(), analysed.analysis().dominated());
    }

    /** Progress that the user cancels as {@code phase} begins. */
    private static CancellableProgress cancelledWhenBeginning(String phase) {
        return new CancellableProgress() {
            @Override
            public void beginPhase(String name, long totalWork) {
                if (name.equals(phase)) {
                    cancel();
                }
            }
        };
    }

    @Test
    void everyPhaseStopsWhenCancelled() throws IOException {
        List<String> names = List.of("Calculating shallow sizes", "Selecting essential edges",
                "Building the dominator tree");
        for (String phase : names) {
            HeapSnapshot snapshot = sample();
            CancellableProgress cancelInPhase = cancelledWhenBeginning(phase);
            assertThrows(CancelledException.class, () -> HeapAnalysis.analyze(snapshot, cancelInPhase), phase);
        }
    }

    @Test
    void theDominatorTreesSearchReportsAndStopsWhenCancelled() throws IOException {
        HeapSnapshot snapshot = sample();
        int nodeCount = snapshot.graph().nodeCount();
        List<Long> searchReports = new ArrayList<>();
        CancellableProgress cancelInSearch = new CancellableProgress() {
            private boolean inTree;

            @Override
            public void beginPhase(String name, long totalWork) {
                inTree = name.equals(DominatorTree.PHASE);
            }

            @Override
            public void progress(long workDone) {
                // The tree counts nodes numbered by its search first, up to the node count, then the nodes done.
                if (inTree && workDone > 0 && workDone < nodeCount) {
                    searchReports.add(workDone);
                    cancel();
                }
            }
        };

        assertThrows(CancelledException.class, () -> HeapAnalysis.analyze(snapshot, cancelInSearch));
        assertEquals(List.of((long) ProgressMonitor.CHECKPOINT_MASK + 1), searchReports,
                "one report, then the search stopped");
    }

    /**
     * Cancelled while selecting essential edges, the main line never takes the half the side line selects;
     * cancelled in the dominator tree, the side line is busy with distances or classes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Selecting essential edges", "Building the dominator tree"})
    void workBesideStopsWhenTheMainLineIsCancelled(String phase) throws Exception {
        HeapSnapshot snapshot = sample();
        CancellableProgress cancelInPhase = cancelledWhenBeginning(phase);
        CountDownLatch besideEnded = new CountDownLatch(1);
        AtomicBoolean besideSawCancel = new AtomicBoolean();

        assertThrows(CancelledException.class, () -> HeapAnalysis.analyze(snapshot, cancelInPhase, side -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!side.isCancelled() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            besideSawCancel.set(side.isCancelled());
            besideEnded.countDown();
            return null;
        }));

        // The beside line may be queued behind phases that stop at their first check, or wait for the main line's
        // work: it still ends.
        assertTrue(besideEnded.await(10, TimeUnit.SECONDS));
        assertTrue(besideSawCancel.get());
    }
}
