package io.heapscope.app.cli;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.classes.ClassNames;
import io.heapscope.model.analysis.classes.ClassSummary;
import io.heapscope.model.progress.PhaseTimer;
import io.heapscope.model.snapshot.HeapSnapshot;
import io.heapscope.model.snapshot.SnapshotReader;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A snapshot read and analysed for a command, with progress on the terminal and the time of each phase. Commands
 * that take an {@code --id} resolve it here, so an unknown id is the same clear error everywhere.
 */
final class LoadedSnapshot {
    final HeapSnapshot snapshot;
    final HeapAnalysis analysis;
    /** {@code null} unless loaded to {@link Depth#CLASSES} or further. */
    final ClassNames classes;
    /** {@code null} unless loaded to {@link Depth#SUMMARY}. */
    final ClassSummary summary;
    final Map<String, Double> phaseMillis;

    private LoadedSnapshot(HeapSnapshot snapshot, HeapAnalysis analysis, ClassNames classes, ClassSummary summary,
                           Map<String, Double> phaseMillis) {
        this.snapshot = snapshot;
        this.analysis = analysis;
        this.classes = classes;
        this.summary = summary;
        this.phaseMillis = phaseMillis;
    }

    /** How far a command needs the snapshot analysed. */
    enum Depth {
        /** Sizes, distances, dominators. */
        GRAPH,
        /** Also the class of every object. */
        CLASSES,
        /** Also the Summary rows. */
        SUMMARY
    }

    /** Reads and runs the graph analyses (sizes, distances, dominators). */
    static LoadedSnapshot analyze(Path file) throws IOException {
        return load(file, Depth.GRAPH);
    }

    static LoadedSnapshot load(Path file, Depth depth) throws IOException {
        ConsoleProgress progress = ConsoleProgress.forTerminal();
        PhaseTimer timer = new PhaseTimer(progress);
        try {
            HeapSnapshot snapshot = SnapshotReader.read(file, timer);
            HeapAnalysis analysis = HeapAnalysis.analyze(snapshot, timer);
            ClassNames classes = depth == Depth.GRAPH ? null : ClassNames.compute(snapshot, timer);
            ClassSummary summary = depth == Depth.SUMMARY ? ClassSummary.compute(classes, analysis, timer) : null;
            timer.stop();
            return new LoadedSnapshot(snapshot, analysis, classes, summary, timer.millis());
        } finally {
            progress.clear();
        }
    }

    /** The ordinal of the object with id {@code id} ({@code 123} or {@code @123}); a usage error if none has it. */
    int ordinalOf(String id, CommandSpec spec) {
        String digits = id.startsWith("@") ? id.substring(1) : id;
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "not an object id: '" + id + "' (expected e.g. @12345)");
        }
        int ordinal = snapshot.graph().ordinalOfId(value);
        if (ordinal < 0) {
            throw new ParameterException(spec.commandLine(), "no object @" + value + " in this snapshot");
        }
        return ordinal;
    }
}
