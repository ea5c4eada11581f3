package io.heapscope.model.info;

import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.HeapSnapshot;
import io.heapscope.model.snapshot.SnapshotReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotInfoTest {
    private static final Path SAMPLES = Path.of("..", "samples", "snapshots");

    private static SnapshotInfo info(String sample) throws IOException {
        HeapSnapshot snapshot = SnapshotReader.read(SAMPLES.resolve(sample + ".heapsnapshot.gz"),
                ProgressMonitor.none());
        return SnapshotInfo.of(snapshot);
    }

    @Test
    void countsAddUpOnARealSnapshot() throws IOException {
        SnapshotInfo info = info("tiny");

        assertEquals(39_223, info.nodeCount());
        assertEquals(178_150, info.edgeCount());
        assertEquals(info.nodeCount(), info.nodeTypes().stream().mapToLong(SnapshotInfo.TypeCount::count).sum());
        assertEquals(info.edgeCount(), info.edgeTypes().stream().mapToLong(SnapshotInfo.TypeCount::count).sum());
        assertEquals(info.totalSelfSize(),
                info.nodeTypes().stream().mapToLong(SnapshotInfo.TypeCount::selfSize).sum());
        assertFalse(info.hasTraceData());
        assertTrue(info.hasLocations());
    }

    @Test
    void findsTheUserRootAndTheGcRootCategories() throws IOException {
        SnapshotInfo info = info("tiny");

        assertEquals(1, info.userRoots(), "a Node snapshot has one global");
        SnapshotInfo.RootEdge global = info.rootEdges().stream().filter(SnapshotInfo.RootEdge::userRoot)
                .findFirst().orElseThrow();
        assertEquals("shortcut", global.edgeType());
        assertEquals("object", global.nodeType());
        assertTrue(info.rootEdges().stream().anyMatch(r -> r.nodeName().equals("(GC roots)")));
        assertTrue(info.gcRoots().stream().anyMatch(r -> r.nodeName().equals("(Stack roots)")),
                () -> info.gcRoots().toString());
        assertTrue(info.gcRoots().stream().anyMatch(r -> r.nodeName().equals("(Handle scope)")));
    }

    @Test
    void reportsAllocationTracking() throws IOException {
        SnapshotInfo info = info("trace-alloc");

        assertTrue(info.hasTraceData());
        assertEquals(25, info.traceFunctionCount());
        assertEquals(29, info.traceNodeCount());
    }
}
