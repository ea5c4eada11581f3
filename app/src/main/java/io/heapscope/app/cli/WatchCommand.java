package io.heapscope.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.report.MarkdownReport;
import io.heapscope.model.report.ReportFormat;
import io.heapscope.model.report.WatchChains;
import io.heapscope.model.runtime.GrowthVerdict;
import io.heapscope.model.runtime.ModuleAction;
import io.heapscope.model.runtime.ModuleActionResult;
import io.heapscope.model.runtime.ModuleWatch;
import io.heapscope.model.runtime.RuntimeSession;
import io.heapscope.model.runtime.WatchCycle;
import io.heapscope.model.runtime.WatchPlan;
import io.heapscope.views.report.WatchReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code heapscope watch}: clear or reload a module in a running Node process cycle after cycle, and measure after
 * each cycle what stays behind (heap used after GC, the module's retained size, its zombies).
 */
@Command(name = "watch", description = {
        "Act on a module of a running Node process N times (delete it from require.cache, delete and detach it "
                + "from its parent's children, module.clearCache, or reload it), and after each cycle run a GC, "
                + "take a snapshot and measure the module's copies: does memory grow with the cycles?",
        "A clearing action is followed by a reload through the main module, as a hot reloader does.",
        "Exits 1 with --check-growth when zombies or retained size grow with the cycles."})
final class WatchCommand implements Callable<Integer> {

    enum Format { text, json }

    @Mixin
    RuntimeTarget target;

    @Option(names = "--module", paramLabel = "PATH",
            description = "The module to act on and measure, as the main module would require it "
                    + "(or a file path from here).")
    String module;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "delete, detach, clear-cache or reload (needs --module).")
    String mode;

    @Option(names = "--eval", paramLabel = "EXPRESSION",
            description = "An expression to evaluate in the target each cycle, after the action "
                    + "(e.g. the app's own \"run one test file\" function); promises are awaited.")
    String evaluate;

    @Option(names = "--cycles", paramLabel = "N", defaultValue = "5",
            description = "Cycles (default: ${DEFAULT-VALUE}).")
    int cycles;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--check-growth", description = "Fail (exit 1) when memory grows with the cycles.")
    boolean checkGrowth;

    @Option(names = "--save-snapshots", paramLabel = "DIR", description = "Save each cycle's snapshot in DIR.")
    Path saveSnapshots;

    @Option(names = "--report", paramLabel = "DIR", description = "Write a report of the run in DIR: the per-cycle "
            + "chart, the verdict and the retainer chain of a zombie in the first and the last cycle.")
    Path report;

    @Option(names = "--report-format", paramLabel = "FORMAT", defaultValue = "md",
            description = "md (report.md and a PNG) or html (one report.html); default: ${DEFAULT-VALUE}.")
    String reportFormat;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        WatchPlan plan = plan();
        ReportFormat writeAs = reportFormat();
        if (report != null) {
            checkWritable(report);
        }
        PrintWriter out = spec.commandLine().getOut();
        ConsoleProgress progress = ConsoleProgress.forTerminal();
        List<WatchCycle> cycles;
        WatchChains chains = report == null ? null : new WatchChains();
        try (RuntimeSession session = target.open()) {
            CycleRows rows = new CycleRows(out, format == Format.text, progress, chains);
            cycles = new ModuleWatch(session, plan).run(progress, rows);
        } finally {
            progress.clear();
        }
        GrowthVerdict verdict = GrowthVerdict.of(cycles);
        if (report != null) {
            List<Path> written = WatchReportWriter.write(new WatchReportWriter.Run(reportTitle(), reportDescription(),
                    cycles, verdict, chains), report, writeAs);
            // The report is news on stderr: stdout stays the rows or the JSON a script reads.
            spec.commandLine().getErr().println("heapscope: wrote " + written.get(0));
        }
        if (format == Format.json) {
            writeJson(out, cycles, verdict);
        } else {
            out.println("verdict: " + verdict.word() + " (" + verdict.reason() + ")");
            if (verdict.hiddenRetentionNote() != null) {
                out.println("note: " + verdict.hiddenRetentionNote());
            }
        }
        out.flush();
        if (checkGrowth && verdict.grows()) {
            throw new CheckFailedException("memory grows with the cycles: " + verdict.reason());
        }
        return ExitCodes.OK;
    }

    private WatchPlan plan() {
        ModuleAction action;
        try {
            action = mode == null ? null : ModuleAction.ofOption(mode);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (cycles < 1) {
            throw new ParameterException(spec.commandLine(), "--cycles needs 1 or more, not " + cycles);
        }
        if (action != null && module == null) {
            throw new ParameterException(spec.commandLine(), "--mode needs --module");
        }
        if (action == null && evaluate == null) {
            throw new ParameterException(spec.commandLine(), "nothing to do each cycle: give --mode or --eval");
        }
        return new WatchPlan(module == null ? null : asRequired(module), action, evaluate, cycles, saveSnapshots);
    }

    private ReportFormat reportFormat() {
        return ReportFormatOption.parse(reportFormat, "--report-format", spec);
    }

    /** A watch takes minutes: an unwritable DIR is said before it starts, not after. */
    private static void checkWritable(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".heapscope-report", ".tmp"));
        } catch (java.nio.file.FileSystemException e) {
            throw new IOException("cannot write the report to " + dir + ": "
                    + (e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()), e);
        }
    }

    private String reportTitle() {
        String what = module != null ? Path.of(module).getFileName().toString() : "--eval " + evaluate;
        return "Watch: " + what + (mode != null ? ", " + mode : "") + ", " + cycles + (cycles == 1 ? " cycle"
                : " cycles");
    }

    /** The command that ran, so a reader can run it again. */
    private String reportDescription() {
        return "Written by " + MarkdownReport.code(CommandWords.asTyped(spec)) + ".";
    }

    /** A path that exists from here is made absolute, so the target finds it whatever its working directory. */
    private static String asRequired(String module) {
        Path path = Path.of(module);
        return Files.exists(path) ? path.toAbsolutePath().normalize().toString() : module;
    }

    private static void writeJson(PrintWriter out, List<WatchCycle> cycles, GrowthVerdict verdict)
            throws IOException {
        try (JsonGenerator json = JsonOutput.open(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("cycles");
            for (WatchCycle cycle : cycles) {
                json.writeStartObject();
                json.writeNumberField("cycle", cycle.cycle());
                json.writeNumberField("heap_used_after_gc", cycle.heapUsedAfterGc());
                json.writeNumberField("module_retained_size", cycle.moduleRetainedSize());
                json.writeNumberField("zombie_count", cycle.zombieCount());
                json.writeNumberField("heap_used_after_snapshot_gc", cycle.heapUsedAfterSnapshotGc());
                json.writeNumberField("module_copies", cycle.moduleCopies());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("verdict", verdict.word());
            json.writeStringField("reason", verdict.reason());
            json.writeNumberField("retained_only_under_normal_gc", verdict.hiddenRetention());
            json.writeEndObject();
        }
    }

    /** Prints each cycle's row as soon as it is measured: a watch takes a while, and rows show it is working. */
    private static final class CycleRows implements ModuleWatch.Listener {
        private static final String ROW = "%5s  %18s  %20s  %12s%n";
        private final PrintWriter out;
        private final boolean print;
        private final ConsoleProgress progress;
        /** Zombie chains for the report, or {@code null} without {@code --report}. */
        private final WatchChains chains;
        private boolean headerDone;

        CycleRows(PrintWriter out, boolean print, ConsoleProgress progress, WatchChains chains) {
            this.out = out;
            this.print = print;
            this.progress = progress;
            this.chains = chains;
        }

        @Override
        public void actionDone(int cycle, ModuleActionResult result) {
        }

        @Override
        public void cycleAnalysed(int cycle, HeapAnalysis analysis, ModuleGraph modules, String file) {
            if (chains != null) {
                chains.cycleAnalysed(cycle, analysis, modules, file);
            }
        }

        @Override
        public void cycleDone(WatchCycle cycle) {
            if (!print) {
                return;
            }
            progress.erase();
            if (!headerDone) {
                out.printf(ROW, "cycle", "heap_used_after_gc", "module_retained_size", "zombie_count");
                headerDone = true;
            }
            out.printf(ROW, cycle.cycle(), ByteSizes.human(cycle.heapUsedAfterGc()),
                    ByteSizes.human(cycle.moduleRetainedSize()), cycle.zombieCount());
            out.flush();
        }
    }
}
