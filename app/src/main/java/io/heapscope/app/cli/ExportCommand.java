package io.heapscope.app.cli;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.graph.HeapGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code heapscope export FILE --nodes OUT.tsv --classes OUT.tsv}: every node's DevTools numbers in file order, and
 * the Summary rows, for scripts and for checking against DevTools (see {@code samples/conformance.sh}).
 */
@Command(name = "export", description = "Write every node's DevTools numbers and the Summary rows as TSV.")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    SnapshotFile input;

    @Option(names = "--nodes", paramLabel = "OUT.tsv",
            description = "Nodes: id, shallow_size, retained_size, distance, dominator_id.")
    Path nodes;

    @Option(names = "--classes", paramLabel = "OUT.tsv",
            description = "Summary rows: class_name, count, shallow_size_sum, retained_size_sum, min_distance.")
    Path classes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (nodes == null && classes == null) {
            throw new ParameterException(spec.commandLine(), "say what to export: --nodes OUT.tsv, --classes OUT.tsv");
        }
        LoadedSnapshot loaded = LoadedSnapshot.load(input.path,
                classes != null ? Set.of(LoadedSnapshot.Part.SUMMARY) : Set.of());
        if (nodes != null) {
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(nodes, StandardCharsets.UTF_8), 1 << 16)) {
                writeNodes(loaded.analysis, out);
            }
        }
        if (classes != null) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(classes, StandardCharsets.UTF_8))) {
                SummaryCommand.writeTsv(out, loaded.summary.rows());
            }
        }
        return ExitCodes.OK;
    }

    static void writeNodes(HeapAnalysis analysis, Writer out) throws IOException {
        HeapGraph graph = analysis.graph();
        out.write("id\tshallow_size\tretained_size\tdistance\tdominator_id\n");
        StringBuilder line = new StringBuilder(64);
        for (int node = 0; node < graph.nodeCount(); node++) {
            line.setLength(0);
            line.append(graph.nodeId(node)).append('\t').append(analysis.shallowSize(node)).append('\t')
                    .append(analysis.retainedSize(node)).append('\t').append(analysis.distance(node)).append('\t')
                    .append(graph.nodeId(analysis.dominator(node))).append('\n');
            out.append(line);
        }
    }
}
