package io.heapscope.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.info.SnapshotInfo;
import io.heapscope.model.progress.PhaseTimer;
import io.heapscope.model.snapshot.HeapSnapshot;
import io.heapscope.model.snapshot.SnapshotReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code heapscope info FILE}: what a snapshot holds, and with {@code --timings} how fast it was read. */
@Command(name = "info", description = "Counts, types, optional sections and roots of a heap snapshot.")
final class InfoCommand implements Callable<Integer> {

    enum Format { text, json }

    @Mixin
    SnapshotFile input;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--timings", description = "Also report the time of each load phase and the read speed.")
    boolean timings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        long fileSize = Files.size(input.path);
        ConsoleProgress progress = ConsoleProgress.forTerminal();
        PhaseTimer timer = new PhaseTimer(progress);
        HeapSnapshot snapshot;
        try {
            snapshot = SnapshotReader.read(input.path, timer);
        } finally {
            timer.stop();
            progress.clear();
        }
        SnapshotInfo info = SnapshotInfo.of(snapshot);
        PrintWriter out = spec.commandLine().getOut();
        Timings times = timings ? new Timings(snapshot.textLength(), timer.millis()) : null;
        if (format == Format.json) {
            writeJson(out, info, fileSize, times);
        } else {
            writeText(out, info, fileSize, times);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Load time per phase. The speed counts the whole load (reading and indexing) against the snapshot text, which
     * for a gzip file is its uncompressed size: the work done, whatever the storage.
     */
    private record Timings(long textLength, Map<String, Double> phases) {
        double totalMillis() {
            return phases.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        double megabytesPerSecond() {
            return textLength / 1e6 / (totalMillis() / 1000);
        }
    }

    private void writeText(PrintWriter out, SnapshotInfo info, long fileSize, Timings times) {
        out.printf("File        %s (%s)%n", input.path, ByteSizes.human(fileSize));
        out.printf("Nodes       %s%n", ByteSizes.grouped(info.nodeCount()));
        out.printf("Edges       %s%n", ByteSizes.grouped(info.edgeCount()));
        out.printf("Strings     %s%n", ByteSizes.grouped(info.stringCount()));
        out.printf("Self size   %s (%s bytes)%n", ByteSizes.human(info.totalSelfSize()),
                ByteSizes.grouped(info.totalSelfSize()));
        if (info.extraNativeBytes() > 0) {
            out.printf("Extra native %s%n", ByteSizes.human(info.extraNativeBytes()));
        }
        out.printf("Trace data  %s%n", info.hasTraceData()
                ? "yes (" + info.traceFunctionCount() + " functions, " + info.traceNodeCount() + " trace nodes, "
                + info.sampleCount() + " samples)" : "no");
        out.printf("Locations   %s%n", info.hasLocations() ? ByteSizes.grouped(info.locationCount()) : "no");

        out.printf("%n  %-20s %10s %12s%n", "Node type", "count", "self size");
        for (SnapshotInfo.TypeCount type : info.nodeTypes()) {
            out.printf("  %-20s %10s %12s%n", type.type(), ByteSizes.grouped(type.count()),
                    ByteSizes.human(type.selfSize()));
        }
        out.printf("%n  %-20s %10s%n", "Edge type", "count");
        for (SnapshotInfo.TypeCount type : info.edgeTypes()) {
            out.printf("  %-20s %10s%n", type.type(), ByteSizes.grouped(type.count()));
        }
        out.printf("%nRoot's children (%d user root%s)%n", info.userRoots(), info.userRoots() == 1 ? "" : "s");
        for (SnapshotInfo.RootEdge edge : info.rootEdges()) {
            out.printf("  %-9s %-10s -> %s @%d%s%n", edge.edgeType(), edge.edgeName(), edge.nodeName(),
                    edge.nodeId(), edge.userRoot() ? "  (user root)" : "");
        }
        if (!info.gcRoots().isEmpty()) {
            out.printf("%n  %-30s %6s%n", "GC root category", "edges");
            for (SnapshotInfo.RootEdge edge : info.gcRoots()) {
                out.printf("  %-30s %6d%n", edge.nodeName(), edge.nodeEdgeCount());
            }
        }
        if (times != null) {
            out.printf("%nTimings%n");
            times.phases().forEach((phase, millis) -> out.printf(Locale.ROOT, "  %-20s %9.0f ms%n", phase, millis));
            out.printf(Locale.ROOT, "  %-20s %9.0f ms  (%.0f MB/s of %s text)%n", "Total", times.totalMillis(),
                    times.megabytesPerSecond(), ByteSizes.human(times.textLength()));
        }
    }

    private void writeJson(PrintWriter out, SnapshotInfo info, long fileSize, Timings times) throws IOException {
        try (JsonGenerator json = JsonOutput.open(out)) {
            json.writeStartObject();
            json.writeStringField("file", input.path.toString());
            json.writeNumberField("file_size", fileSize);
            json.writeNumberField("node_count", info.nodeCount());
            json.writeNumberField("edge_count", info.edgeCount());
            json.writeNumberField("string_count", info.stringCount());
            json.writeNumberField("total_self_size", info.totalSelfSize());
            json.writeNumberField("extra_native_bytes", info.extraNativeBytes());
            json.writeObjectFieldStart("node_types");
            for (SnapshotInfo.TypeCount type : info.nodeTypes()) {
                json.writeObjectFieldStart(type.type());
                json.writeNumberField("count", type.count());
                json.writeNumberField("self_size", type.selfSize());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeObjectFieldStart("edge_types");
            for (SnapshotInfo.TypeCount type : info.edgeTypes()) {
                json.writeNumberField(type.type(), type.count());
            }
            json.writeEndObject();
            json.writeBooleanField("has_trace_data", info.hasTraceData());
            json.writeNumberField("trace_function_count", info.traceFunctionCount());
            json.writeNumberField("trace_node_count", info.traceNodeCount());
            json.writeNumberField("sample_count", info.sampleCount());
            json.writeBooleanField("has_locations", info.hasLocations());
            json.writeNumberField("location_count", info.locationCount());
            json.writeNumberField("user_roots", info.userRoots());
            writeRootEdges(json, "root_children", info.rootEdges());
            writeRootEdges(json, "gc_roots", info.gcRoots());
            if (times != null) {
                json.writeObjectFieldStart("timings_ms");
                for (Map.Entry<String, Double> phase : times.phases().entrySet()) {
                    json.writeNumberField(phase.getKey(), Math.round(phase.getValue() * 10) / 10.0);
                }
                json.writeNumberField("total", Math.round(times.totalMillis() * 10) / 10.0);
                json.writeEndObject();
                json.writeNumberField("text_bytes", times.textLength());
                json.writeNumberField("megabytes_per_second", Math.round(times.megabytesPerSecond() * 10) / 10.0);
            }
            json.writeEndObject();
        }
    }

    private static void writeRootEdges(JsonGenerator json, String field, Iterable<SnapshotInfo.RootEdge> edges)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (SnapshotInfo.RootEdge edge : edges) {
            json.writeStartObject();
            json.writeStringField("edge_type", edge.edgeType());
            json.writeStringField("edge_name", edge.edgeName());
            json.writeStringField("node_type", edge.nodeType());
            json.writeStringField("node_name", edge.nodeName());
            json.writeNumberField("node_id", edge.nodeId());
            json.writeNumberField("edge_count", edge.nodeEdgeCount());
            json.writeBooleanField("user_root", edge.userRoot());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
