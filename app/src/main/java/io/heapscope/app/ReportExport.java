package io.heapscope.app;

import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.report.MarkdownReport;
import io.heapscope.model.report.ReportFormat;
import io.heapscope.views.chart.LightChartTheme;
import io.heapscope.views.comparison.ComparedSnapshot;
import io.heapscope.views.report.ComparisonReport;
import io.heapscope.views.report.ReportSnapshot;
import io.heapscope.views.report.SnapshotReport;
import io.heapscope.views.report.WatchReportWriter;
import io.heapscope.views.task.ModelTask;
import io.heapscope.views.task.ModelWork;
import io.heapscope.views.task.WorkerPane;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.concurrent.Worker;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * File › Export Report…: the report of the selected snapshot (and of its comparison, when the Comparison view has
 * a base), as {@code heapscope report} writes it: Markdown with its PNG charts beside it, or one HTML file, by the
 * name chosen. Runs off the FX thread with progress and Cancel in a small dialog. Charts are drawn in the light
 * theme whatever the window's: a report is read elsewhere.
 */
final class ReportExport {
    private ReportExport() {
    }

    /** Asks where to write, then writes in the background; nothing happens if the chooser is cancelled. */
    static void run(Window owner, Path file, OpenSnapshot.Loaded loaded, ComparedSnapshot base, Executor work) {
        Path parent = file.toAbsolutePath().getParent();
        Path target = chooseTarget(owner, base == null ? "Export report" : "Export comparison report",
                stem(file) + "-report.md", parent);
        if (target == null) {
            return;
        }
        ReportSnapshot snapshot = new ReportSnapshot(file.getFileName().toString(), loaded.snapshot(),
                loaded.analysis(), loaded.modules());
        ReportSnapshot baseSnapshot = base == null ? null
                : new ReportSnapshot(base.title(), base.snapshot(), base.analysis(), base.modules());
        write(owner, target, monitor -> write(target, snapshot, baseSnapshot, monitor), work);
    }

    /** The report of a runtime's last watch, as {@code heapscope watch --report} writes it. */
    static void runWatch(Window owner, String runtimeName, WatchReportWriter.Run watch, Executor work) {
        Path target = chooseTarget(owner, "Export watch report", stem(Path.of(runtimeName)) + "-watch-report.md",
                null);
        if (target == null) {
            return;
        }
        write(owner, target, monitor -> WatchReportWriter.report(watch, LightChartTheme.get())
                .write(target, ReportFormat.ofFile(target), stem(target) + "-"), work);
    }

    /** The file chosen (with .md or .html added by the filter chosen when it has neither), or null. */
    private static Path chooseTarget(Window owner, String title, String initialName, Path initialDirectory) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Markdown and PNG charts", "*.md"),
                new FileChooser.ExtensionFilter("One HTML file", "*.html"));
        chooser.setInitialFileName(initialName);
        if (initialDirectory != null) {
            chooser.setInitialDirectory(initialDirectory.toFile());
        }
        File chosen = chooser.showSaveDialog(owner);
        return chosen == null ? null : withExtension(chosen.toPath(), chooser.getSelectedExtensionFilter());
    }

    private static void write(Window owner, Path target, ModelWork<List<Path>> writing, Executor work) {
        ModelTask<List<Path>> task = new ModelTask<>("Exporting the report", writing);
        show(owner, task, target);
        work.execute(task);
    }

    /** Builds and writes the report; the work a {@link ModelTask} runs. */
    static List<Path> write(Path target, ReportSnapshot snapshot, ReportSnapshot base, ProgressMonitor monitor)
            throws IOException {
        MarkdownReport report;
        if (base == null) {
            report = new MarkdownReport("Heap report: " + snapshot.name());
        } else {
            report = new MarkdownReport("Heap comparison: " + snapshot.name() + " against " + base.name());
            ComparisonReport.append(report, base, snapshot, null, 2, "1", 25, LightChartTheme.get(), monitor);
        }
        SnapshotReport.append(report, snapshot, 2, "1", SnapshotReport.DEFAULT_TOP, LightChartTheme.get(), monitor);
        monitor.checkCancelled();
        return report.write(target, ReportFormat.ofFile(target), stem(target) + "-");
    }

    private static void show(Window owner, ModelTask<List<Path>> task, Path target) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export report");
        dialog.setHeaderText("Writing " + target.getFileName());
        WorkerPane<List<Path>> pane = new WorkerPane<>(task, written -> {
            Label done = new Label("Wrote " + target + (written.size() > 1 ? " and " + (written.size() - 1)
                    + (written.size() == 2 ? " chart" : " charts") + " beside it." : "."));
            done.setWrapText(true);
            done.setId("export-report-done");
            return done;
        });
        pane.setId("export-report");
        pane.setPrefWidth(420);
        dialog.getDialogPane().setContent(pane);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL);
        task.stateProperty().addListener((observable, old, now) -> {
            if (now == Worker.State.SUCCEEDED || now == Worker.State.FAILED || now == Worker.State.CANCELLED) {
                dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
            }
        });
        // Cancel (or closing the dialog) while it runs stops the work; after, it only closes.
        dialog.setOnCloseRequest(event -> task.cancel());
        dialog.show();
    }

    private static Path withExtension(Path chosen, FileChooser.ExtensionFilter filter) {
        String name = chosen.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".html") || name.endsWith(".htm")) {
            return chosen;
        }
        boolean html = filter != null && filter.getExtensions().contains("*.html");
        return chosen.resolveSibling(chosen.getFileName() + (html ? ".html" : ".md"));
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        for (String suffix : List.of(".heapsnapshot.gz", ".heapsnapshot", ".html", ".htm", ".md", ".js", ".mjs",
                ".cjs")) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
