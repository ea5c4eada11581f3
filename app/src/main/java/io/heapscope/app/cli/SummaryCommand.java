package io.heapscope.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.heapscope.model.analysis.NodeMeasures;
import io.heapscope.model.analysis.classes.ClassRow;
import io.heapscope.model.format.ByteSizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code heapscope summary FILE}: DevTools' Summary view, one row per class (a constructor at another source
 * location is another row): objects, shallow and retained size, distance.
 */
@Command(name = "summary", description = "The Summary view: objects, sizes and distance per class.")
final class SummaryCommand implements Callable<Integer> {

    enum Format { text, tsv, json }

    enum Sort {
        retained(Comparator.comparingLong(ClassRow::retainedSizeSum).reversed()),
        shallow(Comparator.comparingLong(ClassRow::shallowSizeSum).reversed()),
        count(Comparator.comparingInt(ClassRow::count).reversed()),
        distance(Comparator.comparingInt(ClassRow::minDistance));

        final Comparator<ClassRow> order;

        Sort(Comparator<ClassRow> order) {
            this.order = order;
        }
    }

    @Mixin
    SnapshotFile input;

    @Option(names = "--top", description = "Only the first N rows (text: 25 unless given; tsv and json: all).")
    Integer top;

    @Option(names = "--sort", defaultValue = "retained",
            description = "retained, shallow, count or distance (default: ${DEFAULT-VALUE}).")
    Sort sort;

    @Option(names = "--filter", paramLabel = "TEXT", description = "Only classes whose name contains TEXT "
            + "(ignoring case).")
    String filter;

    @Option(names = "--format", defaultValue = "text", description = "text, tsv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--timings", description = "Also report the time of each phase (on stderr).")
    boolean timings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LoadedSnapshot loaded = LoadedSnapshot.load(input.path, Set.of(LoadedSnapshot.Part.SUMMARY));
        String needle = filter == null ? null : filter.toLowerCase(Locale.ROOT);
        List<ClassRow> rows = loaded.summary.rows().stream()
                .filter(row -> needle == null || row.name().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(sort.order)
                .limit(top != null ? top : format == Format.text ? 25 : Long.MAX_VALUE)
                .toList();
        if (rows.isEmpty() && needle != null) {
            throw new ParameterException(spec.commandLine(), "no class matches '" + filter + "'");
        }
        long total = loaded.analysis.retainedSize(0);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case tsv -> writeTsv(out, rows);
            case json -> writeJson(out, rows, total, loaded.summary.rowCount());
            default -> writeText(out, rows, total, loaded.summary.rowCount());
        }
        out.flush();
        if (timings) {
            PrintWriter err = spec.commandLine().getErr();
            loaded.phaseMillis.forEach((phase, millis) -> err.printf(Locale.ROOT, "%-32s %8.0f ms%n", phase, millis));
            err.flush();
        }
        return ExitCodes.OK;
    }

    static void writeTsv(PrintWriter out, List<ClassRow> rows) {
        out.print("class_name\tcount\tshallow_size_sum\tretained_size_sum\tmin_distance\n");
        for (ClassRow row : rows) {
            out.print(TsvText.escape(row.name()) + "\t" + row.count() + "\t" + row.shallowSizeSum() + "\t"
                    + row.retainedSizeSum() + "\t" + row.minDistance() + "\n");
        }
    }

    private static void writeText(PrintWriter out, List<ClassRow> rows, long total, int classCount) {
        out.printf("%-50s %8s %14s %16s %16s%n", "Constructor", "Distance", "Objects", "Shallow Size",
                "Retained Size");
        for (ClassRow row : rows) {
            out.printf("%-50s %8s %8s %4s %10s %4s %10s %4s%n", cut(row.name()), distance(row.minDistance()),
                    ByteSizes.grouped(row.count()), "", ByteSizes.human(row.shallowSizeSum()),
                    percent(row.shallowSizeSum(), total), ByteSizes.human(row.retainedSizeSum()),
                    percent(row.retainedSizeSum(), total));
        }
        out.printf("%n%d of %d classes; total %s (%s bytes)%n", rows.size(), classCount, ByteSizes.human(total),
                ByteSizes.grouped(total));
    }

    private static void writeJson(PrintWriter out, List<ClassRow> rows, long total, int classCount)
            throws IOException {
        try (JsonGenerator json = JsonOutput.open(out)) {
            json.writeStartObject();
            json.writeNumberField("total_size", total);
            json.writeNumberField("class_count", classCount);
            json.writeArrayFieldStart("classes");
            for (ClassRow row : rows) {
                json.writeStartObject();
                json.writeStringField("class_key", row.key());
                json.writeStringField("class_name", row.name());
                json.writeNumberField("count", row.count());
                json.writeNumberField("shallow_size_sum", row.shallowSizeSum());
                json.writeNumberField("retained_size_sum", row.retainedSizeSum());
                json.writeNumberField("min_distance", row.minDistance());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static String cut(String name) {
        String line = name.replace('\n', ' ').replace('\t', ' ');
        return line.length() <= 50 ? line : line.substring(0, 49) + "…";
    }

    private static String distance(int distance) {
        return distance < 0 || distance >= NodeMeasures.BASE_SYSTEM_DISTANCE ? "-" : Integer.toString(distance);
    }

    private static String percent(long part, long total) {
        return total == 0 ? "" : String.format(Locale.ROOT, "%3.0f%%", 100.0 * part / total);
    }
}
