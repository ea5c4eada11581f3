package io.heapscope.app.cli;

import io.heapscope.model.format.HeapText;
import io.heapscope.model.analysis.DominatedNodes;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.graph.HeapGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.stream.IntStream;
import java.util.concurrent.Callable;

/** {@code heapscope dominated FILE --id ID [--top N]}: what an object keeps alive on its own, biggest first. */
@Command(name = "dominated", description = "An object's children in the dominator tree, by retained size.")
final class DominatedCommand implements Callable<Integer> {

    @Mixin
    SnapshotFile input;

    @Option(names = "--id", defaultValue = "@1", paramLabel = "ID",
            description = "The object, e.g. @12345 (default: the root, ${DEFAULT-VALUE}).")
    String id;

    @Option(names = "--top", defaultValue = "20", description = "How many children (default: ${DEFAULT-VALUE}).")
    int top;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LoadedSnapshot loaded = LoadedSnapshot.analyze(input.path);
        int node = loaded.ordinalOf(id, spec);
        HeapAnalysis analysis = loaded.analysis;
        HeapGraph graph = analysis.graph();
        DominatedNodes tree = analysis.dominated();
        int[] children = IntStream.range(tree.start(node), tree.end(node)).map(tree::child).boxed()
                .sorted(Comparator.comparingLong((Integer child) -> analysis.retainedSize(child)).reversed())
                .limit(top).mapToInt(Integer::intValue).toArray();

        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s retains %s (%s bytes); it alone holds %d object%s%n", HeapText.node(graph, node),
                ByteSizes.human(analysis.retainedSize(node)), ByteSizes.grouped(analysis.retainedSize(node)),
                tree.end(node) - tree.start(node), tree.end(node) - tree.start(node) == 1 ? "" : "s");
        out.printf("%n  %12s %10s  %s%n", "retained", "shallow", "object");
        for (int child : children) {
            out.printf("  %12s %10s  %s (%s)%n", ByteSizes.human(analysis.retainedSize(child)),
                    ByteSizes.human(analysis.shallowSize(child)), HeapText.node(graph, child),
                    graph.nodeTypeName(child));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
