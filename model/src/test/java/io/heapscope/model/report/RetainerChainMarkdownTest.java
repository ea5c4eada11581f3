package io.heapscope.model.report;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.Retainers;
import io.heapscope.model.analysis.Retainers.Hop;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.modules.JsModule;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.modules.ModuleState;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.SnapshotReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetainerChainMarkdownTest {
    private static HeapAnalysis analysis;
    private static HeapGraph graph;
    private static ModuleGraph modules;

    @BeforeAll
    static void load() throws IOException {
        Path file = Path.of("..", "samples", "snapshots", "cjs-hot-reload-leak.heapsnapshot.gz");
        analysis = HeapAnalysis.analyze(SnapshotReader.read(file, ProgressMonitor.none()), ProgressMonitor.none());
        graph = analysis.graph();
        modules = ModuleGraph.compute(analysis, ProgressMonitor.none());
    }

    @Test
    void aZombiesChainReadsUpwardsLikeDevToolsRetainers() {
        JsModule zombie = modules.inState(ModuleState.ZOMBIE).get(0);
        List<Hop> path = modules.retainerPath(zombie.index());
        List<String> lines = RetainerChainMarkdown.lines(path, graph, analysis);

        assertEquals(path.size(), lines.size(), lines::toString);
        int array = path.get(1).node();
        int parent = path.get(0).node();
        assertEquals("- `Module @" + graph.nodeId(zombie.node()) + "` · distance " + analysis.distance(zombie.node())
                + " · shallow " + ByteSizes.human(analysis.shallowSize(zombie.node())) + " · retained "
                + ByteSizes.human(zombie.retainedSize()), lines.get(0));
        assertTrue(lines.get(1).startsWith("  - `[" + graph.edgeName(path.get(2).edge()) + "]` in `Array @"
                + graph.nodeId(array) + "` · distance " + analysis.distance(array)), lines.get(1));
        assertTrue(lines.get(2).startsWith("    - `children` in `Module @" + graph.nodeId(parent) + "`"),
                lines.get(2));
        assertEquals("Module @" + graph.nodeId(parent) + " → children → Array @" + graph.nodeId(array) + " → ["
                + graph.edgeName(path.get(2).edge()) + "] → Module @" + graph.nodeId(zombie.node()),
                RetainerChainMarkdown.inline(path, graph));
    }

    @Test
    void theShortestPathEndsAtWhatTheRootHoldsWithoutTheRootItself() {
        JsModule zombie = modules.inState(ModuleState.ZOMBIE).get(0);
        Retainers retainers = new Retainers(analysis);
        List<Hop> path = retainers.shortestPath(zombie.node());
        List<String> lines = RetainerChainMarkdown.shortestPath(retainers, graph, analysis, zombie.node());
        assertEquals(path.size() - 1, lines.size(), lines::toString);
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("  ".repeat(lines.size() - 1) + "- `"), last);
        assertTrue(lines.stream().noneMatch(l -> l.contains("(root)")), lines::toString);
        assertTrue(RetainerChainMarkdown.text(path, graph, analysis).endsWith("\n"));
    }

    @Test
    void codeSpansSurviveBackticksInNames() {
        assertEquals("`a`", RetainerChainMarkdown.code("a"));
        assertEquals("``a`b``", RetainerChainMarkdown.code("a`b"));
        assertEquals("`` `x ``", RetainerChainMarkdown.code("`x"));
    }
}
