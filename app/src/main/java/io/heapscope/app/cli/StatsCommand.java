package io.heapscope.app.cli;

import io.heapscope.model.analysis.classes.HeapStatistics;
import io.heapscope.model.format.ByteSizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code heapscope stats FILE}: DevTools' Statistics view. */
@Command(name = "stats", description = "The Statistics view: where the heap's bytes are, by kind.")
final class StatsCommand implements Callable<Integer> {

    @Mixin
    SnapshotFile input;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        HeapStatistics stats = LoadedSnapshot.load(input.path, Set.of(LoadedSnapshot.Part.STATISTICS)).statistics;
        PrintWriter out = spec.commandLine().getOut();
        line(out, "Total", stats.total(), stats.total());
        line(out, "  V8 heap", stats.v8Total(), stats.total());
        line(out, "    Code", stats.code(), stats.total());
        line(out, "    Strings", stats.strings(), stats.total());
        line(out, "    JS arrays", stats.jsArrays(), stats.total());
        line(out, "    System objects", stats.system(), stats.total());
        line(out, "  Native", stats.nativeTotal(), stats.total());
        line(out, "    Typed arrays", stats.typedArrays(), stats.total());
        out.flush();
        return ExitCodes.OK;
    }

    private static void line(PrintWriter out, String label, long bytes, long total) {
        out.printf("%-20s %10s %6.1f%%  %,15d bytes%n", label, ByteSizes.human(bytes),
                total == 0 ? 0.0 : 100.0 * bytes / total, bytes);
    }
}
