package io.heapscope.model.analysis.classes;

import io.heapscope.model.analysis.NodeMeasures;
import io.heapscope.model.analysis.OracleReference;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.HeapSnapshot;
import io.heapscope.model.snapshot.SnapshotReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Class names, Summary rows and Statistics of every committed sample against DevTools' own (the oracle's files),
 * with DevTools' own per-node measures as input: all equal, or the test fails.
 */
class ClassesOracleTest {

    static List<String> samples() {
        return OracleReference.SAMPLES;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void equalsDevTools(String sample) throws IOException {
        HeapSnapshot snapshot = SnapshotReader.read(OracleReference.snapshotFile(sample), ProgressMonitor.none());
        HeapGraph graph = snapshot.graph();
        OracleReference oracle = OracleReference.load(sample);
        NodeMeasures measures = oracle.asMeasures(graph);

        ClassNames classes = ClassNames.compute(snapshot, ProgressMonitor.none());
        List<String> wrong = new ArrayList<>();
        int wrongCount = 0;
        for (int node = 0; node < graph.nodeCount(); node++) {
            String name = OracleReference.cutLikeNodes(classes.className(node));
            if (!name.equals(oracle.className(node))) {
                if (wrongCount++ < 20) {
                    wrong.add("node " + node + " @" + graph.nodeId(node) + " " + graph.nodeTypeName(node) + " '"
                            + graph.nodeName(node) + "': " + name + " != " + oracle.className(node));
                }
            }
        }
        if (wrongCount > 0) {
            fail(sample + ": " + wrongCount + " class names differ, e.g.\n" + String.join("\n", wrong));
        }

        ClassSummary summary = ClassSummary.compute(classes, measures, ProgressMonitor.none());
        List<ClassRow> actual = new ArrayList<>();
        for (ClassRow row : summary.rows()) {
            actual.add(new ClassRow(OracleReference.cutLikeClasses(row.key()),
                    OracleReference.cutLikeClasses(row.name()), row.count(), row.shallowSizeSum(),
                    row.retainedSizeSum(), row.minDistance()));
        }
        List<ClassRow> expected = oracle.classes().stream().map(row -> new ClassRow(row.classKey(), row.className(),
                row.count(), row.shallowSizeSum(), row.retainedSizeSum(), row.minDistance())).toList();
        assertRowsEqual(sample, expected, actual);
        for (int row = 0; row < summary.rowCount(); row++) {
            assertEquals(summary.row(row).count(), summary.instanceCount(row), "instances of row " + row);
            int cls = summary.classOfRow(row);
            for (int i = 0; i < summary.instanceCount(row); i++) {
                int node = summary.instance(row, i);
                assertEquals(cls, classes.classOf(node));
            }
        }

        HeapStatistics statistics = HeapStatistics.compute(snapshot, classes, measures, ProgressMonitor.none());
        OracleReference.Statistics devtools = oracle.summary().statistics();
        assertEquals(new HeapStatistics(devtools.total(), devtools.nativeTotal(), devtools.typedArrays(),
                devtools.v8heapTotal(), devtools.code(), devtools.jsArrays(), devtools.strings(), devtools.system()),
                statistics, sample + " statistics");
    }

    private static void assertRowsEqual(String sample, List<ClassRow> expected, List<ClassRow> actual) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), actual.size()) && problems.size() < 20; i++) {
            ClassRow e = i < expected.size() ? expected.get(i) : null;
            ClassRow a = i < actual.size() ? actual.get(i) : null;
            if (e == null || !e.equals(a)) {
                problems.add("row " + i + ": expected " + e + "\n        actual   " + a);
            }
        }
        if (!problems.isEmpty()) {
            fail(sample + ": " + expected.size() + " rows expected, " + actual.size() + " computed; differences:\n"
                    + String.join("\n", problems));
        }
    }
}
