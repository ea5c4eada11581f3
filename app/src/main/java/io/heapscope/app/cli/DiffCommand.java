package io.heapscope.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.heapscope.model.analysis.diff.DiffRow;
import io.heapscope.model.analysis.diff.SnapshotComparison;
import io.heapscope.model.format.ByteSizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code heapscope diff BASE TARGET}: DevTools' Comparison view of TARGET compared with BASE, one row per class with
 * new or deleted objects (objects matched by id, so meaningful for two snapshots of one process), in DevTools' order:
 * allocated size, then name.
 */
@Command(name = "diff", description = "The Comparison view: objects new and deleted per class from BASE to TARGET.")
final class DiffCommand implements Callable<Integer> {

    enum Format { text, tsv, json }

    @Parameters(index = "0", paramLabel = "BASE", description = "The snapshot to compare with (usually the earlier "
            + "one), plain or gzip-compressed.")
    Path base;

    @Parameters(index = "1", paramLabel = "TARGET", description = "The snapshot looked at (usually the later one).")
    Path target;

    @Option(names = "--top", description = "Only the first N rows (text: 25 unless given; tsv and json: all).")
    Integer top;

    @Option(names = "--filter", paramLabel = "TEXT", description = "Only classes whose name contains TEXT "
            + "(ignoring case).")
    String filter;

    @Option(names = "--format", defaultValue = "text", description = "text, tsv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--modules", description = "Also the module diff: modules added and removed, new zombies, "
            + "retained size per module (tsv: the module rows instead of the classes).")
    boolean modules;

    @Spec
    CommandSpec spec;

    /** Set by {@link #compare()} when {@code --modules} is given. */
    private ModuleDiffOutput moduleDiff;

    @Override
    public Integer call() throws IOException {
        SnapshotComparison comparison = compare();
        String needle = filter == null ? null : filter.toLowerCase(Locale.ROOT);
        List<DiffRow> rows = comparison.rows().stream()
                .filter(row -> needle == null || row.className().toLowerCase(Locale.ROOT).contains(needle))
                .limit(top != null ? top : format == Format.text ? 25 : Long.MAX_VALUE)
                .toList();
        if (rows.isEmpty() && needle != null) {
            throw new ParameterException(spec.commandLine(), "no changed class matches '" + filter + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case tsv -> {
                if (moduleDiff != null) {
                    moduleDiff.writeTsv(out);
                } else {
                    writeTsv(out, rows);
                }
            }
            case json -> writeJson(out, rows, comparison.rowCount(), moduleDiff);
            default -> {
                writeText(out, rows, comparison.rowCount());
                if (moduleDiff != null) {
                    moduleDiff.writeText(out, top != null ? top : 25);
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Loads both snapshots (the target with its classes, whose definitions name the base's) and compares them. */
    private SnapshotComparison compare() throws IOException {
        ConsoleProgress progress = ConsoleProgress.forTerminal();
        try {
            EnumSet<LoadedSnapshot.Part> baseParts = EnumSet.noneOf(LoadedSnapshot.Part.class);
            EnumSet<LoadedSnapshot.Part> targetParts = EnumSet.of(LoadedSnapshot.Part.CLASSES);
            if (modules) {
                baseParts.add(LoadedSnapshot.Part.MODULES);
                targetParts.add(LoadedSnapshot.Part.MODULES);
            }
            LoadedSnapshot before = LoadedSnapshot.load(base, baseParts, progress);
            LoadedSnapshot after = LoadedSnapshot.load(target, targetParts, progress);
            if (modules) {
                moduleDiff = new ModuleDiffOutput(before.snapshot.graph(), before.modules, after.snapshot.graph(),
                        after.modules);
            }
            return SnapshotComparison.compute(before.snapshot, before.analysis, after.snapshot, after.analysis,
                    after.classes, progress);
        } finally {
            progress.clear();
        }
    }

    static void writeTsv(PrintWriter out, List<DiffRow> rows) {
        out.print("class_name\tnew_count\tdeleted_count\tdelta_count\talloc_size\tfreed_size\tsize_delta\n");
        for (DiffRow row : rows) {
            out.print(TsvText.escape(row.className()) + "\t" + row.newCount() + "\t" + row.deletedCount() + "\t"
                    + row.deltaCount() + "\t" + row.allocSize() + "\t" + row.freedSize() + "\t" + row.sizeDelta()
                    + "\n");
        }
    }

    private static void writeText(PrintWriter out, List<DiffRow> rows, int rowCount) {
        out.printf("%-50s %9s %9s %9s %12s %12s %12s%n", "Constructor", "# New", "# Deleted", "# Delta",
                "Alloc. Size", "Freed Size", "Size Delta");
        for (DiffRow row : rows) {
            out.printf("%-50s %9s %9s %9s %12s %12s %12s%n", cut(row.className()), ByteSizes.grouped(row.newCount()),
                    ByteSizes.grouped(row.deletedCount()), signed(row.deltaCount(), ByteSizes.grouped(row.deltaCount())),
                    ByteSizes.human(row.allocSize()), ByteSizes.human(row.freedSize()),
                    signed(row.sizeDelta(), ByteSizes.human(row.sizeDelta())));
        }
        out.printf("%n%d of %d changed classes%n", rows.size(), rowCount);
    }

    private static void writeJson(PrintWriter out, List<DiffRow> rows, int rowCount, ModuleDiffOutput moduleDiff)
            throws IOException {
        try (JsonGenerator json = JsonOutput.open(out)) {
            json.writeStartObject();
            json.writeNumberField("class_count", rowCount);
            json.writeArrayFieldStart("classes");
            for (DiffRow row : rows) {
                json.writeStartObject();
                json.writeStringField("class_key", row.classKey());
                json.writeStringField("class_name", row.className());
                json.writeNumberField("new_count", row.newCount());
                json.writeNumberField("deleted_count", row.deletedCount());
                json.writeNumberField("delta_count", row.deltaCount());
                json.writeNumberField("alloc_size", row.allocSize());
                json.writeNumberField("freed_size", row.freedSize());
                json.writeNumberField("size_delta", row.sizeDelta());
                json.writeEndObject();
            }
            json.writeEndArray();
            if (moduleDiff != null) {
                moduleDiff.writeJson(json);
            }
            json.writeEndObject();
        }
    }

    /** DevTools shows growth with a plus sign. */
    private static String signed(long value, String text) {
        return value > 0 ? "+" + text : text;
    }

    private static String cut(String name) {
        String line = name.replace('\n', ' ').replace('\t', ' ');
        return line.length() <= 50 ? line : line.substring(0, 49) + "…";
    }
}
