package io.heapscope.model.analysis.classes;

import io.heapscope.model.analysis.NodeMeasures;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.HeapSnapshot;
import io.heapscope.model.snapshot.SnapshotReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"tiny", "cjs-hot-reload-leak", "cjs-hot-reload-fixed", "vm-modules-leak",
            "trace-alloc", "pair-before", "pair-after", "listeners-leak", "global-array-leak", "inspector-snapshot"})
    void equalsDevTools(String sample) throws IOException {
        HeapSnapshot snapshot = SnapshotReader.read(OracleTables.snapshotFile(sample), ProgressMonitor.none());
        HeapGraph graph = snapshot.graph();
        OracleTables oracle = OracleTables.load(sample);
        assertEquals(oracle.ids.length, graph.nodeCount(), "node count");
        NodeMeasures measures = oracle.measures(graph);

        ClassNames classes = ClassNames.compute(snapshot, ProgressMonitor.none());
        List<String> wrong = new ArrayList<>();
        int wrongCount = 0;
        for (int node = 0; node < graph.nodeCount(); node++) {
            String name = OracleTables.cut(classes.className(node), OracleTables.NODE_TEXT_LIMIT);
            if (!name.equals(oracle.classNames[node])) {
                if (wrongCount++ < 20) {
                    wrong.add("node " + node + " @" + graph.nodeId(node) + " " + graph.nodeTypeName(node) + " '"
                            + graph.nodeName(node) + "': " + name + " != " + oracle.classNames[node]);
                }
            }
        }
        if (wrongCount > 0) {
            fail(sample + ": " + wrongCount + " class names differ, e.g.\n" + String.join("\n", wrong));
        }

        ClassSummary summary = ClassSummary.compute(classes, measures, ProgressMonitor.none());
        List<ClassRow> actual = new ArrayList<>();
        for (ClassRow row : summary.rows()) {
            actual.add(new ClassRow(OracleTables.cut(row.key(), OracleTables.CLASS_TEXT_LIMIT),
                    OracleTables.cut(row.name(), OracleTables.CLASS_TEXT_LIMIT), row.count(), row.shallowSizeSum(),
                    row.retainedSizeSum(), row.minDistance()));
        }
        assertRowsEqual(sample, oracle.rows, actual);
        for (int row = 0; row < summary.rowCount(); row++) {
            assertEquals(summary.row(row).count(), summary.instanceCount(row), "instances of row " + row);
            int cls = summary.classOfRow(row);
            for (int i = 0; i < summary.instanceCount(row); i++) {
                int node = summary.instance(row, i);
                assertEquals(cls, classes.classOf(node));
            }
        }

        HeapStatistics statistics = HeapStatistics.compute(snapshot, classes, measures, ProgressMonitor.none());
        assertEquals(oracle.statistics, statistics, sample + " statistics");
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
