package io.heapscope.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.heapscope.app.DemoApplication;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.report.ReportFormat;
import io.heapscope.model.report.WatchChains;
import io.heapscope.model.runtime.GrowthVerdict;
import io.heapscope.model.runtime.LiveRuntime;
import io.heapscope.model.runtime.WatchCycle;
import io.heapscope.model.runtime.demo.DemoCycle;
import io.heapscope.model.runtime.demo.DemoKind;
import io.heapscope.model.runtime.demo.DemoMeasure;
import io.heapscope.model.runtime.demo.DemoPhase;
import io.heapscope.model.runtime.demo.DemoResult;
import io.heapscope.model.runtime.demo.DemoScenario;
import io.heapscope.model.runtime.demo.PhaseResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code heapscope demo}: a leak and its fix on one of the sample apps, in about a minute, in the desktop app or
 * ({@code --headless}) on the terminal with the same scenario ({@link DemoScenario}).
 */
@Command(name = "demo", description = {
        "Show a memory leak and its fix on a sample app of samples/runtime: launch it under the inspector, run the "
                + "leak for N cycles, then the fix for N cycles, each with its verdict.",
        "  hot-reload  plugin-host.js: reload with delete only, then delete + detach",
        "  vm-modules  vm-test-runner.mjs: vm modules, compilation cache on, then off",
        "  listeners   listener-host.js: a listener per request kept, then removed",
        "Opens the desktop app with the runtime's charts, unless --headless: then it prints each cycle and the "
                + "verdicts and writes a report (each phase's cycles, chart, verdict and a zombie's retainer chain) with "
                + "the results. Exits 1 when the leak does not grow or the fix does not stay flat."})
final class DemoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DEMO", description = "hot-reload, vm-modules or listeners.")
    String demo;

    @Option(names = "--headless", description = "No window: print the cycles and the verdicts, and write the report "
            + "in --out.")
    boolean headless;

    @Option(names = "--cycles", paramLabel = "N", defaultValue = "4",
            description = "Cycles per phase, 2 or more (default: ${DEFAULT-VALUE}).")
    int cycles;

    @Option(names = "--out", paramLabel = "DIR",
            description = "With --headless: where the report, the results and each cycle's snapshot go "
                    + "(default: heapscope-demo-DEMO).")
    Path out;

    @Option(names = "--report-format", paramLabel = "FORMAT", defaultValue = "md",
            description = "With --headless: the report in --out as md (report.md and PNGs) or html "
                    + "(report.html files); default: ${DEFAULT-VALUE}.")
    String reportFormat;

    @Option(names = "--samples", paramLabel = "DIR",
            description = "The sample apps' directory (default: samples/runtime of this checkout).")
    Path samples;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        DemoKind kind;
        try {
            kind = DemoKind.ofOption(demo);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (cycles < 2) {
            throw new ParameterException(spec.commandLine(), "--cycles needs 2 or more (one cannot show growth), not "
                    + cycles);
        }
        ReportFormat format = reportFormat();
        Path directory = samplesDirectory(kind);
        if (!headless) {
            return HeapscopeCommand.openDemo(spec, kind, cycles, directory);
        }
        return runHeadless(kind, directory, format);
    }

    private ReportFormat reportFormat() {
        return ReportFormatOption.parse(reportFormat, "--report-format", spec);
    }

    private Path samplesDirectory(DemoKind kind) throws IOException {
        Path directory = samples != null ? samples : DemoApplication.runtimeSamples();
        if (directory == null) {
            throw new ParameterException(spec.commandLine(),
                    "cannot find samples/runtime (run from a heapscope checkout, or give --samples DIR)");
        }
        if (!Files.isRegularFile(directory.resolve(kind.script()))) {
            throw new NoSuchFileException(directory.resolve(kind.script()).toString());
        }
        return directory.toAbsolutePath().normalize();
    }

    private int runHeadless(DemoKind kind, Path directory, ReportFormat format) throws IOException {
        Path results = (out != null ? out : Path.of("heapscope-demo-" + kind.option())).toAbsolutePath().normalize();
        Files.createDirectories(results);
        PrintWriter print = spec.commandLine().getOut();
        DemoScenario scenario = DemoScenario.of(kind, cycles, results);
        ConsoleProgress progress = ConsoleProgress.forTerminal();
        DemoResult result;
        List<WatchChains> chains = new ArrayList<>();
        for (int i = 0; i < scenario.phases().size(); i++) {
            chains.add(new WatchChains());
        }
        try (LiveRuntime runtime = new LiveRuntime(kind.script(), DemoScenario.launch(kind, directory), e -> { })) {
            print.printf("demo %s: %s on Node %s, PID %d; %d cycles per phase%n", kind.option(), kind.script(),
                    runtime.session().nodeVersion(), runtime.session().launched().pid(), cycles);
            print.flush();
            result = scenario.run(runtime, progress, new Rows(print, progress, scenario, chains));
        } finally {
            progress.clear();
        }
        Path json = results.resolve("demo.json");
        try (Writer writer = Files.newBufferedWriter(json)) {
            writeJson(new PrintWriter(writer), result);
        }
        List<Path> reports = DemoReport.write(result, chains, results, format, CommandWords.asTyped(spec));
        print.println();
        for (PhaseResult phase : result.phases()) {
            print.println(phase.phase().caption() + ": " + phase.verdict().word() + " (" + phase.verdict().reason()
                    + ")");
        }
        print.println("report: " + reports.get(0) + " (each phase's report and snapshots in 1-leak/ and 2-fix/)");
        print.println("results: " + json);
        print.flush();
        if (!result.showsLeakAndFix()) {
            throw new CheckFailedException("the demo did not show the leak and its fix (see the verdicts above)");
        }
        return ExitCodes.OK;
    }

    private static void writeJson(PrintWriter out, DemoResult result) throws IOException {
        try (JsonGenerator json = JsonOutput.open(out)) {
            json.writeStartObject();
            json.writeStringField("demo", result.kind().option());
            json.writeStringField("node_version", result.nodeVersion());
            json.writeBooleanField("shows_leak_and_fix", result.showsLeakAndFix());
            json.writeArrayFieldStart("phases");
            for (PhaseResult phase : result.phases()) {
                json.writeStartObject();
                json.writeStringField("caption", phase.phase().caption());
                json.writeBooleanField("leak", phase.phase().leak());
                json.writeStringField("verdict", phase.verdict().word());
                json.writeStringField("reason", phase.verdict().reason());
                if (phase.lastSnapshot() != null) {
                    json.writeStringField("last_snapshot", phase.lastSnapshot().toString());
                }
                json.writeArrayFieldStart("cycles");
                for (DemoCycle cycle : phase.cycles()) {
                    WatchCycle watch = cycle.watch();
                    json.writeStartObject();
                    json.writeNumberField("cycle", watch.cycle());
                    json.writeNumberField("heap_used_after_gc", watch.heapUsedAfterGc());
                    json.writeNumberField("heap_used_after_snapshot_gc", watch.heapUsedAfterSnapshotGc());
                    json.writeNumberField("module_retained_size", watch.moduleRetainedSize());
                    json.writeNumberField("zombie_count", watch.zombieCount());
                    json.writeNumberField("module_copies", watch.moduleCopies());
                    if (cycle.probe() >= 0) {
                        json.writeNumberField(phase.phase().probeLabel(), cycle.probe());
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** Each phase's heading, its rows as cycles end (the columns of {@code heapscope watch}), and its verdict. */
    private static final class Rows implements DemoScenario.Listener {
        private static final String ROW = "%5s  %18s  %27s";
        private static final String MODULE_COLUMNS = "  %20s  %12s";
        private final PrintWriter out;
        private final ConsoleProgress progress;
        private final DemoScenario scenario;
        private final List<WatchChains> chains;

        Rows(PrintWriter out, ConsoleProgress progress, DemoScenario scenario, List<WatchChains> chains) {
            this.out = out;
            this.progress = progress;
            this.scenario = scenario;
            this.chains = chains;
        }

        @Override
        public void cycleAnalysed(DemoPhase phase, int cycle, HeapAnalysis analysis, ModuleGraph modules,
                                  String file) {
            chains.get(scenario.phases().indexOf(phase)).cycleAnalysed(cycle, analysis, modules, file);
        }

        @Override
        public void phaseStarted(int index, DemoPhase phase) {
            progress.erase();
            out.println();
            out.printf("phase %d of %d: %s%n", index + 1, scenario.phases().size(), phase.caption());
            out.println("  " + phase.explanation());
            if (phase.setupLabel() != null) {
                out.println("  first: " + phase.setupLabel());
            }
            out.printf(ROW, "cycle", "heap_used_after_gc", "heap_used_after_snapshot_gc");
            if (phase.measure() == DemoMeasure.MODULE_COPIES) {
                out.printf(MODULE_COLUMNS, "module_retained_size", "zombie_count");
            }
            out.println(phase.probeLabel() == null ? "" : "  " + "%9s".formatted(phase.probeLabel()));
            out.flush();
        }

        @Override
        public void cycleDone(DemoPhase phase, DemoCycle cycle, GrowthVerdict soFar) {
            WatchCycle watch = cycle.watch();
            progress.erase();
            out.printf(ROW, watch.cycle(), ByteSizes.human(watch.heapUsedAfterGc()),
                    ByteSizes.human(watch.heapUsedAfterSnapshotGc()));
            if (phase.measure() == DemoMeasure.MODULE_COPIES) {
                out.printf(MODULE_COLUMNS, ByteSizes.human(watch.moduleRetainedSize()), watch.zombieCount());
            }
            out.println(cycle.probe() < 0 ? "" : "  " + "%9d".formatted(cycle.probe()));
            out.flush();
        }

        @Override
        public void phaseDone(int index, PhaseResult result) {
            progress.erase();
            out.println("verdict: " + result.verdict().word() + " (" + result.verdict().reason() + ")");
            out.flush();
        }
    }
}
