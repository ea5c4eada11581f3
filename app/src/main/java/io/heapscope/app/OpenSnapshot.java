package io.heapscope.app;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.info.SnapshotInfo;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.HeapSnapshot;
import io.heapscope.model.snapshot.SnapshotReader;
import io.heapscope.views.task.ModelTask;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Worker;

/**
 * One snapshot in the window's list, from the moment it is opened: its load, then the loaded snapshot or why it
 * failed. Lives on the FX thread; the load runs on the executor given to {@link #load}.
 */
final class OpenSnapshot {
    enum State { LOADING, LOADED, FAILED, CANCELLED }

    /**
     * The snapshot, its summary, DevTools' analysis and the module graph, all made off the FX thread so the window
     * never walks the heap graph.
     */
    record Loaded(HeapSnapshot snapshot, SnapshotInfo info, HeapAnalysis analysis, ModuleGraph modules) {
    }

    /** How a file becomes a {@link Loaded}; {@link #read} in the app, something slower or failing in tests. */
    @FunctionalInterface
    interface Loader {
        Loaded load(Path file, ProgressMonitor monitor) throws IOException;
    }

    static final String SUMMARY_PHASE = "Summarising";

    private final Path file;
    private final ModelTask<Loaded> task;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);

    OpenSnapshot(Path file, Loader loader) {
        this.file = file;
        this.task = new ModelTask<>("Loading " + file.getFileName(), monitor -> loader.load(file, monitor));
        task.stateProperty().addListener((observable, old, now) -> state.set(stateOf(now)));
    }

    /** Reads the file, summarises it, analyses it as DevTools does and finds its modules; each step a phase. */
    static Loaded read(Path file, ProgressMonitor monitor) throws IOException {
        return analyse(SnapshotReader.read(file, monitor), monitor);
    }

    /** The steps after reading, for a snapshot that arrived another way (over the inspector). */
    static Loaded analyse(HeapSnapshot snapshot, ProgressMonitor monitor) {
        monitor.beginPhase(SUMMARY_PHASE, -1);
        SnapshotInfo info = SnapshotInfo.of(snapshot);
        monitor.checkCancelled();
        HeapAnalysis analysis = HeapAnalysis.analyze(snapshot, monitor);
        ModuleGraph modules = ModuleGraph.compute(analysis, monitor);
        return new Loaded(snapshot, info, analysis, modules);
    }

    private static State stateOf(Worker.State taskState) {
        return switch (taskState) {
            case SUCCEEDED -> State.LOADED;
            case FAILED -> State.FAILED;
            case CANCELLED -> State.CANCELLED;
            case READY, SCHEDULED, RUNNING -> State.LOADING;
        };
    }

    void load(Executor executor) {
        executor.execute(task);
    }

    void cancel() {
        task.cancel();
    }

    Path file() {
        return file;
    }

    ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    State state() {
        return state.get();
    }

    /** The load, for its progress and message. */
    Worker<Loaded> worker() {
        return task;
    }

    /** The loaded snapshot; {@code null} unless {@link #state()} is {@link State#LOADED}. */
    Loaded loaded() {
        return task.getValue();
    }

    /** Why the load failed; {@code null} unless {@link #state()} is {@link State#FAILED}. */
    Throwable failure() {
        return task.getException();
    }

    /** Why the load failed, in words for the user, or {@code null} unless {@link #state()} is {@link State#FAILED}. */
    String failureMessage() {
        Throwable failure = failure();
        if (failure == null) {
            return null;
        }
        if (failure instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        if (failure instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (failure instanceof OutOfMemoryError) {
            // The one Error a user can fix.
            return "out of memory; give Java more with HEAPSCOPE_JAVA_OPTS, e.g. -Xmx16g";
        }
        if (failure instanceof IOException && failure.getMessage() != null) {
            // SnapshotFormatException names the problem, section and offset; FileSystemException says "file: reason".
            return failure.getMessage();
        }
        // Anything else is a bug in heapscope: name the exception so a bug report says what happened.
        return "internal error: " + failure;
    }

    @Override
    public String toString() {
        return file.getFileName() + " (" + state() + ")";
    }
}
