package io.heapscope.app.cli;

import io.heapscope.model.report.MarkdownReport;
import io.heapscope.model.report.ReportFormat;
import io.heapscope.views.chart.LightChartTheme;
import io.heapscope.views.report.ComparisonReport;
import io.heapscope.views.report.ReportSnapshot;
import io.heapscope.views.report.SnapshotReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code heapscope report FILE... --out DIR}: a report for code review, as {@code report.md} with PNG charts or
 * one self-contained {@code report.html}. Snapshots are loaded one at a time (the base, if any, stays), so several
 * FILEs need no more memory than the biggest two.
 */
@Command(name = "report", description = {
        "Write a report on snapshots for code review: totals and the Statistics chart, top classes and dominators, "
                + "modules and zombies with their retainer chains, and leak suspects; with --base, DevTools' "
                + "Comparison, new zombies and the modules that grew.",
        "DIR gets report.md and its PNG charts, or report.html with everything inside."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Heap snapshots, plain or gzip-compressed; one "
            + "section each.")
    List<Path> files;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the report "
            + "(created if missing).")
    Path out;

    @Option(names = "--format", defaultValue = "md", description = "md or html (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--base", paramLabel = "A", description = "Compare each FILE with snapshot A (taken earlier, "
            + "from the same process), as DevTools' Comparison view and `heapscope diff A FILE` do.")
    Path base;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Rows per table, and comparison "
            + "rows (default: ${DEFAULT-VALUE}; the comparison shows 25 unless given).")
    int top;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ReportFormat reportFormat = reportFormat();
        if (top < 1) {
            throw new ParameterException(spec.commandLine(), "--top needs 1 or more, not " + top);
        }
        boolean topGiven = spec.commandLine().getParseResult().hasMatchedOption("--top");
        Path file = prepareOutput(reportFormat);
        ConsoleProgress progress = ConsoleProgress.forTerminal();
        MarkdownReport report;
        try {
            report = base == null ? snapshots(progress) : comparisons(progress, topGiven ? top : 25);
        } finally {
            progress.clear();
        }
        List<Path> written = report.write(file, reportFormat, "");
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + written.get(0) + (written.size() > 1 ? " and " + (written.size() - 1)
                + (written.size() == 2 ? " chart" : " charts") : ""));
        stdout.flush();
        return ExitCodes.OK;
    }

    private ReportFormat reportFormat() {
        return ReportFormatOption.parse(format, "--format", spec);
    }

    /** Creates DIR and checks it takes files before the (long) loading starts. */
    private Path prepareOutput(ReportFormat reportFormat) throws IOException {
        try {
            Files.createDirectories(out);
            Path probe = Files.createTempFile(out, ".heapscope-report", ".tmp");
            Files.delete(probe);
        } catch (FileSystemException e) {
            throw new IOException("cannot write the report to " + out + ": " + reason(e), e);
        }
        return out.resolve(reportFormat.defaultFileName());
    }

    private static String reason(FileSystemException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    }

    private MarkdownReport snapshots(ConsoleProgress progress) throws IOException {
        MarkdownReport report = new MarkdownReport(files.size() == 1 ? "Heap report: " + name(files.get(0))
                : "Heap report: " + files.size() + " snapshots");
        report.paragraph("Written by `heapscope report`; every number is Chrome DevTools' (shallow and retained "
                + "sizes, distances, dominators).");
        for (int i = 0; i < files.size(); i++) {
            ReportSnapshot snapshot = load(files.get(i), progress);
            SnapshotReport.append(report, snapshot, 2, Integer.toString(i + 1), top, LightChartTheme.get(),
                    progress);
        }
        return report;
    }

    private MarkdownReport comparisons(ConsoleProgress progress, int rows) throws IOException {
        MarkdownReport report = new MarkdownReport("Heap comparison: " + files.stream().map(ReportCommand::name)
                .collect(Collectors.joining(", ")) + " against " + name(base));
        report.paragraph("Written by `heapscope report --base`; the classes table is `heapscope diff "
                + MarkdownReport.text(name(base)) + " FILE`, every number Chrome DevTools'.");
        ReportSnapshot before = load(base, progress);
        for (int i = 0; i < files.size(); i++) {
            ReportSnapshot after = load(files.get(i), progress);
            String key = Integer.toString(i + 1);
            ComparisonReport.append(report, before, after, null, 2, key, rows, LightChartTheme.get(), progress);
            SnapshotReport.append(report, after, 2, key, top, LightChartTheme.get(), progress);
        }
        return report;
    }

    private static ReportSnapshot load(Path file, ConsoleProgress progress) throws IOException {
        LoadedSnapshot loaded = LoadedSnapshot.load(file, EnumSet.of(LoadedSnapshot.Part.MODULES), progress);
        return new ReportSnapshot(name(file), loaded.snapshot, loaded.analysis, loaded.modules);
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }
}
