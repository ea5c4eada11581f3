package io.heapscope.model.progress;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A second thread for phases that do not depend on the caller's current ones, so a load uses both cores of a small
 * machine. Work runs in the order submitted, with a {@linkplain ProgressMonitor#beside() beside} monitor: it stops
 * when the caller's monitor is cancelled, or when this is closed (the caller failed and no longer wants it).
 * {@link #await} hands the work's failure to the caller as it was thrown. The thread runs at a lower priority than
 * the caller's where {@link BesidePriority} is enabled.
 */
public final class SideThread implements AutoCloseable {
    private static final long CANCEL_CHECK_MILLIS = 20;
    private final ExecutorService thread;
    private final AtomicBoolean abandoned = new AtomicBoolean();
    private final ProgressMonitor monitor;

    public SideThread(ProgressMonitor main, String name) {
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread worker = new Thread(() -> {
                BesidePriority.lowerCurrentThread();
                runnable.run();
            }, name);
            worker.setDaemon(true);
            return worker;
        });
        ProgressMonitor beside = main.beside();
        this.monitor = new ProgressMonitor() {
            @Override
            public void beginPhase(String phase, long totalWork) {
                beside.beginPhase(phase, totalWork);
            }

            @Override
            public void progress(long workDone) {
                beside.progress(workDone);
            }

            @Override
            public void endPhase() {
                beside.endPhase();
            }

            @Override
            public boolean isCancelled() {
                return abandoned.get() || beside.isCancelled();
            }
        };
    }

    /** Queues {@code work}; it gets this thread's monitor and ends its last phase when done. */
    public <T> Future<T> submit(Function<ProgressMonitor, T> work) {
        return thread.submit(() -> {
            try {
                return work.apply(monitor);
            } finally {
                monitor.endPhase();
            }
        });
    }

    /** The result of {@code work}, waiting for it; its exception, unchecked as it was thrown, if it failed. */
    public static <T> T await(Future<T> work) {
        try {
            return work.get();
        } catch (InterruptedException | CancellationException | ExecutionException e) {
            throw unchecked(e);
        }
    }

    /**
     * For work on this thread that waits for something of the caller's: {@link #await}, but ends with a
     * {@link CancelledException} once {@code monitor} is cancelled, e.g. because the caller failed before
     * delivering.
     */
    public static <T> T awaitUnlessCancelled(Future<T> work, ProgressMonitor monitor) {
        while (true) {
            try {
                return work.get(CANCEL_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                monitor.checkCancelled();
            } catch (InterruptedException | CancellationException | ExecutionException e) {
                throw unchecked(e);
            }
        }
    }

    /** A failed wait as the caller sees it: cancelled, or the work's own exception, unchecked. */
    private static RuntimeException unchecked(Exception failure) {
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new CancelledException();
        }
        if (failure instanceof CancellationException) {
            return new CancelledException();
        }
        Throwable cause = failure.getCause();
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    /** Stops queued and running work (it sees itself cancelled) and lets the thread end. */
    @Override
    public void close() {
        abandoned.set(true);
        thread.shutdown();
    }
}
