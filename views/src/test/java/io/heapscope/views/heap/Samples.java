package io.heapscope.views.heap;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.SnapshotReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import org.testfx.util.WaitForAsyncUtils;

/** The heap views' tests: committed samples, DevTools' reference rows, and running on the FX thread. */
public final class Samples {
    private static final Path SNAPSHOTS = Path.of("..", "samples", "snapshots");

    private Samples() {
    }

    public static HeapAnalysis analyze(String sample) throws IOException {
        return HeapAnalysis.analyze(SnapshotReader.read(SNAPSHOTS.resolve(sample + ".heapsnapshot.gz"),
                ProgressMonitor.none()), ProgressMonitor.none());
    }

    /** DevTools' Summary rows of a sample (the oracle's), in its order: retained size descending. */
    public static List<String[]> oracleClasses(String sample) throws IOException {
        Path file = SNAPSHOTS.resolve("oracle").resolve(sample + ".classes.tsv.gz");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            return in.lines().skip(1).map(line -> line.split("\t", -1)).toList();
        }
    }

    public static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get();
    }

    public static void onFx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get();
    }

    public static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(condition));
    }
}
