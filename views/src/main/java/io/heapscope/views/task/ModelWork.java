package io.heapscope.views.task;

import io.heapscope.model.progress.ProgressMonitor;

/**
 * A piece of model work: reports to the monitor it is given and, when that monitor is cancelled, stops by throwing
 * {@link io.heapscope.model.progress.CancelledException}. Knows nothing of JavaFX; {@link ModelTask} runs it.
 */
@FunctionalInterface
public interface ModelWork<T> {
    T run(ProgressMonitor monitor) throws Exception;
}
