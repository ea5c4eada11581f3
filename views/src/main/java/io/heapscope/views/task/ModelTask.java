package io.heapscope.views.task;

import io.heapscope.model.progress.CancelledException;
import io.heapscope.model.progress.ProgressMonitor;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.concurrent.Task;

/**
 * Runs {@link ModelWork} as a JavaFX {@link Task}: the only bridge between the model's {@link ProgressMonitor} and
 * the FX thread.
 *
 * <ul>
 *   <li>{@link ProgressMonitor#beginPhase} sets the task's message to the phase name and resets its progress
 *       (indeterminate when the phase's total is {@code -1}, unknown);</li>
 *   <li>{@link ProgressMonitor#progress} moves the task's progress, at most every {@link #UPDATE_INTERVAL_NANOS};</li>
 *   <li>{@link #cancel()} makes the monitor's {@link ProgressMonitor#isCancelled()} true, so the work throws
 *       {@link CancelledException} and the task ends {@link State#CANCELLED CANCELLED}, not failed.</li>
 * </ul>
 *
 * <p>Like any {@code Task}, it runs once, on an executor ({@link #daemonExecutor}) or on the current thread with
 * {@link #runNow()}.
 */
public final class ModelTask<T> extends Task<T> {
    /**
     * 25 updates a second. Task coalesces its own FX updates, but each call still allocates and swaps an atomic; the
     * reader calls progress for every buffer it fills, far more often than anyone can see.
     */
    static final long UPDATE_INTERVAL_NANOS = 40_000_000L;

    private final ModelWork<T> work;

    public ModelTask(String title, ModelWork<T> work) {
        this.work = Objects.requireNonNull(work, "work");
        updateTitle(title);
    }

    @Override
    protected T call() throws Exception {
        try {
            return work.run(new Monitor());
        } catch (Exception e) {
            if (isCancelled()) {
                // The task is CANCELLED already. What the work throws on its way out (CancelledException, or an I/O
                // call's exception after cancel's interrupt) is that cancellation, not a failure to report.
                return null;
            }
            throw e;
        }
    }

    /**
     * Runs the work on the current thread and returns its value, or throws what it threw; {@link CancelledException}
     * if the task was cancelled. For tests, which then need no executor or waiting, and for work that is already off
     * the FX thread. The task's properties still follow through {@code Platform.runLater} (as {@code Task} always
     * changes its state), so the FX toolkit must be running.
     */
    public T runNow() throws Exception {
        run();
        try {
            return get();
        } catch (CancellationException e) {
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * A fixed pool of daemon threads for model tasks: several loads run side by side, and a load still running when
     * the last window closes must not keep the JVM alive.
     */
    public static ExecutorService daemonExecutor(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Called from the worker thread, possibly from hot loops: cheap unless an update is due. */
    private final class Monitor implements ProgressMonitor {
        private final AtomicLong nextUpdate = new AtomicLong();
        private volatile long total = -1;

        @Override
        public void beginPhase(String name, long totalWork) {
            total = totalWork;
            // A new phase shows at once: it is rare, and the name is what tells the user what is happening.
            nextUpdate.set(System.nanoTime() + UPDATE_INTERVAL_NANOS);
            updateMessage(name);
            // Task turns a negative amount into indeterminate; 0 of 0 would be NaN, so an empty phase is too.
            updateProgress(totalWork <= 0 ? -1 : 0, totalWork);
        }

        @Override
        public void progress(long workDone) {
            long max = total;
            if (max <= 0) {
                return;
            }
            long now = System.nanoTime();
            long due = nextUpdate.get();
            // Only the caller that wins the swap updates, so two threads reporting at once still update once.
            if (now - due >= 0 && nextUpdate.compareAndSet(due, now + UPDATE_INTERVAL_NANOS)) {
                updateProgress(Math.min(workDone, max), max);
            }
        }

        @Override
        public boolean isCancelled() {
            return ModelTask.this.isCancelled();
        }
    }
}
