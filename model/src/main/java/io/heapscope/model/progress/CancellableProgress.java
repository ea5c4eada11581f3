package io.heapscope.model.progress;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A monitor whose cancellation is requested by calling {@link #cancel()}, from any thread, and which forwards
 * progress to an optional delegate. Used by the command line (Ctrl+C) and by tests.
 */
public class CancellableProgress implements ProgressMonitor {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final ProgressMonitor delegate;

    public CancellableProgress() {
        this(ProgressMonitor.none());
    }

    public CancellableProgress(ProgressMonitor delegate) {
        this.delegate = delegate;
    }

    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public void beginPhase(String name, long totalWork) {
        delegate.beginPhase(name, totalWork);
    }

    @Override
    public void progress(long workDone) {
        delegate.progress(workDone);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get() || delegate.isCancelled();
    }
}
