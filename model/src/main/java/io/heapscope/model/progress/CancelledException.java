package io.heapscope.model.progress;

/** Thrown by long work when its {@link ProgressMonitor} was cancelled. Unchecked so phases need not declare it. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
