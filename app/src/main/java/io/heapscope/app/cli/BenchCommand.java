package io.heapscope.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.progress.PhaseTimer;
import io.heapscope.views.heap.HeapClasses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code heapscope bench FILE [--runs N]}: loads and analyses a snapshot N times in one JVM after a warm-up run and
 * reports the median time of every phase, the peak Java heap and the process's peak resident memory. The first
 * (cold) run is reported too, because a one-off command pays for it. With {@code --views} it loads once and times
 * the desktop views' work instead ({@link ViewBench}).
 */
@Command(name = "bench", description = "Time every load and analysis phase over repeated runs.")
final class BenchCommand implements Callable<Integer> {

    enum Format { text, json }

    /** Everything a user waits for before the Summary and Statistics show. */
    private static final Set<LoadedSnapshot.Part> EVERYTHING = EnumSet.allOf(LoadedSnapshot.Part.class);

    @Mixin
    SnapshotFile input;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs after the warm-up (default: "
            + "${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--views", description = "Load once, then time what the desktop views do on it: the Summary's "
            + "biggest class opened, the Summary sorted by each column with it open, the dominator-tree node with "
            + "the most children and the Containment root opened; --runs repeats each step.")
    boolean views;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (views) {
            return benchViews();
        }
        long textLength = 0;
        Map<String, Double> cold = null;
        Map<String, List<Double>> timed = new LinkedHashMap<>();
        List<Double> totals = new ArrayList<>();
        ConsoleProgress progress = ConsoleProgress.forTerminal();
        try {
            for (int run = 0; run <= runs; run++) {
                progress.beginPhase("Run " + (run + 1) + " of " + (runs + 1), -1);
                // Each run starts from a collected heap, as a fresh process does: the previous run's snapshot is
                // collected here, untimed, not in the middle of the next load (a full collection with the
                // command line's collector).
                System.gc();
                // The progress line shows the run number; the phases only follow its Ctrl+C.
                Run timings = loadOnce(progress);
                textLength = timings.textLength();
                if (run == 0) {
                    cold = new LinkedHashMap<>(timings.phaseMillis());
                    cold.put(TOTAL, timings.totalMillis());
                } else {
                    totals.add(timings.totalMillis());
                    timings.phaseMillis().forEach((phase, millis) ->
                            timed.computeIfAbsent(phase, name -> new ArrayList<>()).add(millis));
                }
            }
        } finally {
            progress.clear();
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        timed.forEach((phase, values) -> medians.put(phase, median(values)));
        medians.put(TOTAL, median(totals));
        PrintWriter out = spec.commandLine().getOut();
        Result result = new Result(Files.size(input.path), textLength, runs, cold, medians, peakHeapBytes(),
                peakResidentBytes());
        if (format == Format.json) {
            writeJson(out, result);
        } else {
            writeText(out, result);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** What one load measured; keeps nothing of the snapshot, so it can be collected before the next run. */
    private record Run(long textLength, Map<String, Double> phaseMillis, double totalMillis) {
    }

    private Run loadOnce(ConsoleProgress progress) throws IOException {
        LoadedSnapshot loaded = LoadedSnapshot.load(input.path, EVERYTHING, progress.beside());
        return new Run(loaded.snapshot.textLength(), loaded.phaseMillis, loaded.totalMillis);
    }

    /**
     * The key of a run's whole time in the phase maps. Phases that ran beside others overlap them, so the total is
     * measured, not summed.
     */
    private static final String TOTAL = "total";

    /** One load (its phases timed), the classes named as the app names them, then the view steps. */
    private int benchViews() throws IOException {
        ConsoleProgress progress = ConsoleProgress.forTerminal();
        LoadedSnapshot loaded;
        HeapClasses classes;
        List<ViewBench.Step> steps;
        Map<String, Double> load;
        try {
            loaded = LoadedSnapshot.load(input.path, EnumSet.noneOf(LoadedSnapshot.Part.class), progress);
            load = new LinkedHashMap<>(loaded.phaseMillis);
            long start = System.nanoTime();
            classes = HeapClasses.compute(loaded.analysis, progress);
            double naming = (System.nanoTime() - start) / 1e6;
            load.put("Naming classes (views)", naming);
            load.put(TOTAL, loaded.totalMillis + naming);
            steps = new ViewBench(loaded.analysis, classes, runs, progress).run();
        } finally {
            progress.clear();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            try (JsonGenerator json = JsonOutput.open(out)) {
                json.writeStartObject();
                json.writeNumberField("file_size", Files.size(input.path));
                json.writeNumberField("nodes", loaded.analysis.graph().nodeCount());
                writeMillis(json, "load_ms", load);
                json.writeArrayFieldStart("views");
                for (ViewBench.Step step : steps) {
                    json.writeStartObject();
                    json.writeStringField("step", step.name());
                    json.writeNumberField("first_ms", Math.round(step.firstMillis() * 10) / 10.0);
                    json.writeNumberField("median_ms", Math.round(step.medianMillis() * 10) / 10.0);
                    json.writeNumberField("median_cpu_ms", Math.round(step.medianCpuMillis() * 10) / 10.0);
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeNumberField("peak_heap_bytes", peakHeapBytes());
                json.writeEndObject();
            }
        } else {
            out.printf("%s nodes, %s (file)%n%n", ByteSizes.grouped(loaded.analysis.graph().nodeCount()),
                    ByteSizes.human(Files.size(input.path)));
            out.printf("%-60s %10s%n", "load phase", "ms");
            load.forEach((phase, millis) -> out.printf(Locale.ROOT, "%-60s %10.0f%n", phase, millis));
            out.printf("%n%-60s %10s %10s %10s%n", "view step", "first ms", "median ms", "cpu ms");
            for (ViewBench.Step step : steps) {
                out.printf(Locale.ROOT, "%-60s %10.1f %10.1f %10.1f%n", step.name(), step.firstMillis(),
                        step.medianMillis(), step.medianCpuMillis());
            }
            out.printf("%n(median of %d more run%s of each step; peak Java heap %s)%n", runs, runs == 1 ? "" : "s",
                    ByteSizes.human(peakHeapBytes()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private record Result(long fileSize, long textLength, int runs, Map<String, Double> cold,
                          Map<String, Double> medians, long peakHeap, long peakResident) {
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The largest heap the JVM's collected pools reached since start (sum of the pools' peaks). */
    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** The process's peak resident set ({@code VmHWM} on Linux), or -1 where unknown. */
    static long peakResidentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.trim().split("\\s+");
                    return Long.parseLong(parts[1]) * 1024;
                }
            }
        } catch (IOException | RuntimeException unavailable) {
            // Not Linux, or no /proc: the figure is simply left out.
        }
        return -1;
    }

    private static void writeText(PrintWriter out, Result result) {
        out.printf("%s of text (%s stored), %d timed run%s after a warm-up%n%n", ByteSizes.human(result.textLength()),
                ByteSizes.human(result.fileSize()), result.runs(), result.runs() == 1 ? "" : "s");
        out.printf("%-43s %12s %12s%n", "phase", "median ms", "first run ms");
        for (Map.Entry<String, Double> phase : result.medians().entrySet()) {
            out.printf(Locale.ROOT, "%-43s %12.0f %12.0f%n", phase.getKey(), phase.getValue(),
                    result.cold().getOrDefault(phase.getKey(), 0.0));
        }
        double total = result.medians().get(TOTAL);
        out.printf(Locale.ROOT, "%nread speed (median)  %.0f MB/s%n", result.textLength() / 1e6
                / (result.medians().getOrDefault("Reading snapshot", total) / 1000));
        out.printf("phases marked%s ran on the second core, overlapping the others%n", PhaseTimer.BESIDE);
        // Peaks span every run of this process, garbage of earlier runs included: an upper bound for one load.
        out.printf("peak Java heap       %s (all runs)%n", ByteSizes.human(result.peakHeap()));
        out.printf("peak RSS             %s (all runs)%n", result.peakResident() < 0 ? "unknown"
                : ByteSizes.human(result.peakResident()));
    }

    private static void writeJson(PrintWriter out, Result result) throws IOException {
        try (JsonGenerator json = JsonOutput.open(out)) {
            json.writeStartObject();
            json.writeNumberField("file_size", result.fileSize());
            json.writeNumberField("text_bytes", result.textLength());
            json.writeNumberField("runs", result.runs());
            writeMillis(json, "median_ms", result.medians());
            writeMillis(json, "first_run_ms", result.cold());
            json.writeNumberField("peak_heap_bytes", result.peakHeap());
            json.writeNumberField("peak_rss_bytes", result.peakResident());
            json.writeEndObject();
        }
    }

    private static void writeMillis(JsonGenerator json, String field, Map<String, Double> phases)
            throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, Double> phase : phases.entrySet()) {
            json.writeNumberField(phase.getKey(), Math.round(phase.getValue() * 10) / 10.0);
        }
        json.writeEndObject();
    }
}
