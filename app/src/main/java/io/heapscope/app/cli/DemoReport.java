package io.heapscope.app.cli;

import io.heapscope.model.report.MarkdownReport;
import io.heapscope.model.report.MarkdownTable;
import io.heapscope.model.report.ReportFormat;
import io.heapscope.model.report.WatchChains;
import io.heapscope.model.runtime.demo.DemoResult;
import io.heapscope.model.runtime.demo.PhaseResult;
import io.heapscope.views.report.WatchReportWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of {@code heapscope demo --headless}: each phase's watch report ({@link WatchReportWriter}) in the
 * phase's folder beside its snapshots, and in the top folder a report that puts the phases' verdicts side by side
 * and names where each phase's report is.
 */
final class DemoReport {

    private DemoReport() {
    }

    /**
     * Writes the reports under {@code dir}; {@code chains} holds each phase's zombie chains, in phase order.
     * Returns the files written, the top report first.
     */
    static List<Path> write(DemoResult result, List<WatchChains> chains, Path dir, ReportFormat format,
                            String command) throws IOException {
        List<Path> phaseFiles = new ArrayList<>();
        MarkdownTable table = MarkdownTable.withColumns("Phase", "Verdict", "Why", "Report");
        for (int i = 0; i < result.phases().size(); i++) {
            PhaseResult phase = result.phases().get(i);
            Path phaseDirectory = phase.lastSnapshot() != null ? phase.lastSnapshot().getParent()
                    : dir.resolve("phase-" + (i + 1));
            String description = MarkdownReport.text(phase.phase().explanation())
                    + (phase.phase().setupLabel() == null ? ""
                    : " First: " + MarkdownReport.text(phase.phase().setupLabel()) + ".")
                    + " Part " + (i + 1) + " of " + result.phases().size() + " of " + MarkdownReport.code(command)
                    + ".";
            List<Path> written = WatchReportWriter.write(new WatchReportWriter.Run(
                    "Demo " + result.kind().option() + ": " + phase.phase().caption(), description,
                    phase.watchCycles(), phase.verdict(), chains.get(i)), phaseDirectory, format);
            phaseFiles.addAll(written);
            table.row(MarkdownReport.text(phase.phase().caption()), "**" + phase.verdict().word() + "**",
                    MarkdownReport.text(phase.verdict().reason()),
                    MarkdownReport.code(dir.relativize(phaseDirectory.resolve(format.defaultFileName())).toString()));
        }
        MarkdownReport top = new MarkdownReport("Demo " + result.kind().option() + ": a leak and its fix");
        top.paragraph("The sample app " + MarkdownReport.code(result.kind().script()) + " on Node "
                + MarkdownReport.text(result.nodeVersion()) + ", run by " + MarkdownReport.code(command) + ": "
                + (result.showsLeakAndFix() ? "the leak grows and the fix stays flat."
                : "**the demo did not show the leak and its fix.**"));
        top.table(table);
        top.paragraph("Each phase's folder holds its report and every cycle's snapshot (" + MarkdownReport.code(
                "cycle-N.heapsnapshot") + "), to open in heapscope or Chrome DevTools.");
        List<Path> files = new ArrayList<>(top.writeTo(dir, format));
        files.addAll(phaseFiles);
        return files;
    }
}
