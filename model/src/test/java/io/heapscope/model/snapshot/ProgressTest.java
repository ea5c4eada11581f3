package io.heapscope.model.snapshot;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.CancellableProgress;
import io.heapscope.model.progress.CancelledException;
import io.heapscope.model.progress.ProgressMonitor;
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

class ProgressTest {
    private final Path file = Snapshots.SAMPLES.resolve("cjs-hot-reload-leak.heapsnapshot.gz");

    /** Records what a load reports. */
    private static final class Recorder implements ProgressMonitor {
        final List<String> phases = new ArrayList<>();
        final List<Long> totals = new ArrayList<>();
        final List<Long> reports = new ArrayList<>();

        @Override
        public void beginPhase(String name, long totalWork) {
            phases.add(name);
            totals.add(totalWork);
        }

        @Override
        public void progress(long workDone) {
            reports.add(workDone);
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }

    @Test
    void reportsBytesOfTheStoredFile() throws Exception {
        Recorder recorder = new Recorder();

        SnapshotReader.read(file, recorder);

        assertEquals(List.of("Reading snapshot"), recorder.phases);
        assertEquals(Files.size(file), recorder.totals.get(0));
        assertTrue(recorder.reports.size() > 3, "reports: " + recorder.reports.size());
        assertTrue(recorder.reports.contains(Files.size(file)), "the last read reports the whole file");
    }

    @Test
    void indexingRetainersIsAPhaseOfItsOwnDoneOnce() throws Exception {
        HeapGraph graph = SnapshotReader.read(file, ProgressMonitor.none()).graph();
        Recorder recorder = new Recorder();

        assertFalse(graph.hasRetainerIndex(), "a load does not build what only some uses need");
        graph.indexRetainers(recorder);
        graph.indexRetainers(recorder);

        assertTrue(graph.hasRetainerIndex());
        assertEquals(List.of("Indexing retainers"), recorder.phases);
        assertEquals(2L * graph.edgeCount(), recorder.reports.get(recorder.reports.size() - 1));
    }

    @Test
    void cancellingStopsIndexing() throws Exception {
        HeapGraph graph = SnapshotReader.read(file, ProgressMonitor.none()).graph();
        CancellableProgress progress = new CancellableProgress();
        progress.cancel();

        assertThrows(CancelledException.class, () -> graph.indexRetainers(progress));
        assertFalse(graph.hasRetainerIndex());
    }

    @Test
    void aPlainFileReadOnBothCoresReportsItsBytesInOrderAndCanBeCancelled(@TempDir Path directory)
            throws Exception {
        Path plain = directory.resolve("plain.heapsnapshot");
        Files.write(plain, Snapshots.gunzip(file));
        int chunk = Snapshots.smallChunk((int) Files.size(plain));
        Recorder recorder = new Recorder();

        SnapshotReader.read(plain, recorder, chunk);

        assertEquals(List.of(Files.size(plain)), recorder.totals);
        assertTrue(recorder.reports.size() > 20, "reports: " + recorder.reports.size());
        for (int i = 1; i < recorder.reports.size(); i++) {
            assertTrue(recorder.reports.get(i) >= recorder.reports.get(i - 1), "progress went back: " + recorder.reports);
        }
        assertEquals(Files.size(plain), recorder.reports.get(recorder.reports.size() - 1));

        long half = Files.size(plain) / 2;
        CancellableProgress cancelledHalfway = new CancellableProgress() {
            @Override
            public void progress(long workDone) {
                if (workDone > half) {
                    cancel();
                }
            }
        };
        assertThrows(CancelledException.class, () -> SnapshotReader.read(plain, cancelledHalfway, chunk));
    }

    @Test
    void cancellingStopsTheRead() {
        CancellableProgress progress = new CancellableProgress() {
            @Override
            public void progress(long workDone) {
                if (workDone > 0) {
                    cancel();
                }
            }
        };

        assertThrows(CancelledException.class, () -> SnapshotReader.read(file, progress));
    }
}
