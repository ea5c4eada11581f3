package io.heapscope.app.cli;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.classes.ClassNames;
import io.heapscope.model.analysis.classes.ClassSummary;
import io.heapscope.model.analysis.classes.HeapStatistics;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.progress.PhaseTimer;
import io.heapscope.model.snapshot.HeapSnapshot;
import io.heapscope.model.snapshot.SnapshotReader;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot read and analysed for a command, with progress on the terminal and the time of each phase. Commands
 * that take an {@code --id} resolve it here, so an unknown id is the same clear error everywhere.
 */
final class LoadedSnapshot {
    final HeapSnapshot snapshot;
    final HeapAnalysis analysis;
    /** {@code null} unless some {@link Part} was asked for. */
    final ClassNames classes;
    /** {@code null} unless {@link Part#SUMMARY} was asked for. */
    final ClassSummary summary;
    /** {@code null} unless {@link Part#STATISTICS} was asked for. */
    final HeapStatistics statistics;
    /** {@code null} unless {@link Part#MODULES} was asked for. */
    final ModuleGraph modules;
    /** Per phase; phases that ran beside others (see {@link PhaseTimer#BESIDE}) overlap them. */
    final Map<String, Double> phaseMillis;
    /** From the start of the read to the end of the last part. */
    final double totalMillis;

    private LoadedSnapshot(HeapSnapshot snapshot, HeapAnalysis analysis, ClassNames classes, ClassSummary summary,
                           HeapStatistics statistics, ModuleGraph modules, Map<String, Double> phaseMillis,
                           double totalMillis) {
        this.snapshot = snapshot;
        this.analysis = analysis;
        this.classes = classes;
        this.summary = summary;
        this.statistics = statistics;
        this.modules = modules;
        this.phaseMillis = phaseMillis;
        this.totalMillis = totalMillis;
    }

    /** What a command needs beyond the graph analyses (sizes, distances, dominators). */
    enum Part {
        /** The class of every object. */
        CLASSES,
        /** The Summary rows (needs the classes). */
        SUMMARY,
        /** DevTools' Statistics (needs the classes). */
        STATISTICS,
        /** The module graph. */
        MODULES
    }

    private static final Set<Part> NEEDING_CLASSES = EnumSet.of(Part.CLASSES, Part.SUMMARY, Part.STATISTICS);

    /** Reads and runs the graph analyses, with progress on the terminal. */
    static LoadedSnapshot analyze(Path file) throws IOException {
        return load(file, EnumSet.noneOf(Part.class));
    }

    /** Reads, analyses and computes {@code parts}, with progress on the terminal. */
    static LoadedSnapshot load(Path file, Set<Part> parts) throws IOException {
        ConsoleProgress progress = ConsoleProgress.forTerminal();
        try {
            return load(file, parts, progress);
        } finally {
            progress.clear();
        }
    }

    /** Reads, analyses and computes {@code parts}, reporting to {@code monitor} and timing every phase. */
    static LoadedSnapshot load(Path file, Set<Part> parts, ProgressMonitor monitor) throws IOException {
        PhaseTimer timer = new PhaseTimer(monitor);
        HeapSnapshot snapshot = SnapshotReader.read(file, timer);
        boolean needsClasses = parts.stream().anyMatch(NEEDING_CLASSES::contains);
        // The Summary's walk down the dominator tree is built while the classes are still being named beside.
        HeapAnalysis.With<ClassNames> analysed = HeapAnalysis.analyze(snapshot, timer,
                beside -> needsClasses ? ClassNames.compute(snapshot, beside) : null,
                parts.contains(Part.SUMMARY) ? HeapAnalysis::dominated : analysis -> { });
        HeapAnalysis analysis = analysed.analysis();
        ClassNames classes = analysed.beside();
        ClassSummary summary = parts.contains(Part.SUMMARY) ? ClassSummary.compute(classes, analysis, timer) : null;
        HeapStatistics statistics = parts.contains(Part.STATISTICS)
                ? HeapStatistics.compute(snapshot, classes, analysis, timer) : null;
        ModuleGraph modules = parts.contains(Part.MODULES) ? ModuleGraph.compute(analysis, timer) : null;
        timer.stop();
        return new LoadedSnapshot(snapshot, analysis, classes, summary, statistics, modules, timer.millis(),
                timer.elapsedMillis());
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
