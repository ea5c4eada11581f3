package io.heapscope.model.report;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.classes.ClassNames;
import io.heapscope.model.analysis.classes.ClassSummary;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.SnapshotReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeakSuspectsTest {

    private static HeapAnalysis analyze(String sample) throws IOException {
        Path file = Path.of("..", "samples", "snapshots", sample + ".heapsnapshot.gz");
        return HeapAnalysis.analyze(SnapshotReader.read(file, ProgressMonitor.none()), ProgressMonitor.none());
    }

    private static List<LeakSuspect> suspects(HeapAnalysis analysis) {
        ClassSummary summary = ClassSummary.compute(ClassNames.compute(analysis.snapshot(), ProgressMonitor.none()),
                analysis, ProgressMonitor.none());
        return LeakSuspects.find(analysis, summary, ProgressMonitor.none());
    }

    @Test
    void theGlobalHistoryArrayIsTheFirstSuspectAndItsRecordsTheClassSuspect() throws IOException {
        HeapAnalysis analysis = analyze("global-array-leak");
        HeapGraph graph = analysis.graph();
        List<LeakSuspect> suspects = suspects(analysis);

        LeakSuspect array = suspects.get(0);
        assertEquals(LeakSuspect.Kind.OBJECT, array.kind());
        assertEquals("Array", graph.nodeName(array.node()));
        assertEquals(analysis.retainedSize(array.node()), array.retainedSize());
        assertTrue(array.share() >= LeakSuspects.THRESHOLD, "share " + array.share());
        // global.history: the array hangs off the global object by that name.
        int global = analysis.dominator(array.node());
        boolean named = false;
        for (int e = graph.edgeStart(global); e < graph.edgeEnd(global); e++) {
            named |= graph.edgeTarget(e) == array.node() && graph.edgeName(e).equals("history");
        }
        assertTrue(named, "global.history is the suspect");
        assertTrue(array.explanation().contains("an array of 10,000 entries"), array.explanation());

        List<LeakSuspect> classes = suspects.stream().filter(s -> s.kind() == LeakSuspect.Kind.CLASS).toList();
        assertEquals(1, classes.size(), classes::toString);
        assertTrue(classes.get(0).title().startsWith("10,000 × LeakedRecord retain "), classes.get(0).title());
        assertEquals("LeakedRecord", graph.nodeName(classes.get(0).node()));
        // The Dates inside the records are part of that suspect, not one more; the array is not repeated either.
        assertTrue(suspects.stream().noneMatch(s -> s.kind() == LeakSuspect.Kind.COLLECTION), suspects::toString);
    }

    @Test
    void aSmallHealthyHeapHasNoSuspects() throws IOException {
        assertEquals(List.of(), suspects(analyze("tiny")));
    }

    @Test
    void topDominatorsOpenTheRootsAndComeBiggestFirst() throws IOException {
        HeapAnalysis analysis = analyze("cjs-hot-reload-leak");
        List<Integer> top = LeakSuspects.topDominators(analysis, 5);
        assertEquals(5, top.size());
        for (int i = 0; i < top.size(); i++) {
            int node = top.get(i);
            assertTrue(analysis.distance(node) != 1 && !analysis.graph().nodeTypeName(node).equals("synthetic"));
            if (i > 0) {
                assertTrue(analysis.retainedSize(top.get(i - 1)) >= analysis.retainedSize(node));
            }
        }
        assertEquals("Module", analysis.graph().nodeName(top.get(0)), "the main module holds the zombies");
    }
}
