package io.heapscope.app.cli;

import io.heapscope.model.format.HeapText;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.Retainers;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.graph.HeapGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code heapscope retainers FILE --id ID [--depth N]}: who holds an object, and who holds those, as a tree like
 * DevTools' Retainers view (no weak edges, no edges from the root). A holder already on the chain is not expanded
 * again, so cycles end.
 */
@Command(name = "retainers", description = "The retainers of an object, as a tree.")
final class RetainersCommand implements Callable<Integer> {

    @Mixin
    SnapshotFile input;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "The object, e.g. @12345.")
    String id;

    @Option(names = "--depth", defaultValue = "3", description = "Levels of retainers (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--limit", defaultValue = "20", description = "Retainers shown per object (default: "
            + "${DEFAULT-VALUE}).")
    int limit;

    @Spec
    CommandSpec spec;

    /** A line still to print: the retainer, its depth, and the chain above it (to stop at cycles). */
    private record Pending(Retainers.Retainer retainer, int level, Chain chain) {
    }

    /** The objects from the start down to here, as a linked list shared by siblings. */
    private record Chain(int node, Chain up) {
        boolean contains(int other) {
            for (Chain link = this; link != null; link = link.up) {
                if (link.node == other) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public Integer call() throws IOException {
        LoadedSnapshot loaded = LoadedSnapshot.analyze(input.path);
        int node = loaded.ordinalOf(id, spec);
        HeapAnalysis analysis = loaded.analysis;
        HeapGraph graph = analysis.graph();
        Retainers retainers = new Retainers(analysis);
        PrintWriter out = spec.commandLine().getOut();
        out.println(describe(analysis, node));

        Deque<Pending> stack = new ArrayDeque<>();
        Chain start = new Chain(node, null);
        push(stack, retainers.of(node), 1, start, out, 0);
        while (!stack.isEmpty()) {
            Pending line = stack.pop();
            int owner = line.retainer().owner();
            boolean cycle = line.chain().contains(owner);
            out.printf("%s%s in %s%s%n", "  ".repeat(line.level()), HeapText.edge(graph, line.retainer().edge()),
                    describe(analysis, owner), cycle ? "  (cycle)" : "");
            if (!cycle && line.level() < depth) {
                push(stack, retainers.of(owner), line.level() + 1, new Chain(owner, line.chain()), out,
                        line.level());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Pushes up to {@code limit} retainers in reverse, so they print in DevTools' order. */
    private void push(Deque<Pending> stack, List<Retainers.Retainer> found, int level, Chain chain, PrintWriter out,
                      int parentLevel) {
        int shown = Math.min(limit, found.size());
        if (found.size() > shown) {
            // Said before the children print; the stack would otherwise put it after them.
            out.printf("%s(%d retainers, first %d shown)%n", "  ".repeat(parentLevel + 1), found.size(), shown);
        }
        for (int i = shown - 1; i >= 0; i--) {
            stack.push(new Pending(found.get(i), level, chain));
        }
    }

    private static String describe(HeapAnalysis analysis, int node) {
        HeapGraph graph = analysis.graph();
        return String.format("%s (%s)  distance %s, shallow %s, retained %s", HeapText.node(graph, node),
                graph.nodeTypeName(node), NodeText.distance(analysis, node),
                ByteSizes.human(analysis.shallowSize(node)), ByteSizes.human(analysis.retainedSize(node)));
    }
}
