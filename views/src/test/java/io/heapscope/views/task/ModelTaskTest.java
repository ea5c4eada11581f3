package io.heapscope.views.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heapscope.model.progress.CancelledException;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import javafx.concurrent.Worker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class ModelTaskTest {
    private static final long UPDATE_MILLIS = ModelTask.UPDATE_INTERVAL_NANOS / 1_000_000;
    private static ExecutorService executor;

    @BeforeAll
    static void startFx() throws Exception {
        // The task's properties live on the FX thread, so the toolkit must run.
        FxToolkit.registerPrimaryStage();
        executor = ModelTask.daemonExecutor("test", 1);
    }

    @AfterAll
    static void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void phasesAndProgressReachTheTask() throws Exception {
        CountDownLatch counted = new CountDownLatch(1);
        CountDownLatch indexed = new CountDownLatch(1);
        ModelTask<String> task = new ModelTask<>("Loading", monitor -> {
            monitor.beginPhase("Counting", 200);
            // Past the throttle interval, so this update is due.
            Thread.sleep(UPDATE_MILLIS + 20);
            monitor.progress(50);
            counted.await();
            monitor.beginPhase("Indexing", -1);
            indexed.await();
            return "done";
        });
        executor.execute(task);

        waitOnFx(() -> "Counting".equals(task.getMessage()) && task.getProgress() == 0.25);
        assertEquals("Loading", onFx(task::getTitle));
        assertEquals(50, onFx(task::getWorkDone));
        assertEquals(200, onFx(task::getTotalWork));

        counted.countDown();
        waitOnFx(() -> "Indexing".equals(task.getMessage()) && task.getProgress() == -1);

        indexed.countDown();
        waitOnFx(() -> task.getState() == Worker.State.SUCCEEDED);
        assertEquals("done", onFx(task::getValue));
    }

    @Test
    void progressInsideTheIntervalIsDropped() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ModelTask<Void> task = new ModelTask<>("Loading", monitor -> {
            monitor.beginPhase("Counting", 100);
            // Right after the phase began: the bar already shows 0, another update now would only flood the FX thread.
            monitor.progress(10);
            reported.countDown();
            release.await();
            return null;
        });
        executor.execute(task);
        reported.await();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.0, onFx(task::getProgress));
        release.countDown();
        waitOnFx(() -> task.getState() == Worker.State.SUCCEEDED);
    }

    @Test
    void cancelStopsTheWorkThroughTheMonitor() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        ModelTask<Void> task = new ModelTask<>("Loading", monitor -> {
            monitor.beginPhase("Spinning", -1);
            running.countDown();
            try {
                while (true) {
                    monitor.checkCancelled();
                    // Not sleep(): the stop must come from the monitor, not from the interrupt.
                    LockSupport.parkNanos(1_000_000);
                }
            } catch (RuntimeException e) {
                thrown.set(e);
                throw e;
            }
        });
        executor.execute(task);
        assertTrue(running.await(5, TimeUnit.SECONDS));

        WaitForAsyncUtils.asyncFx(() -> task.cancel()).get();

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> thrown.get() != null);
        assertInstanceOf(CancelledException.class, thrown.get());
        waitOnFx(() -> task.getState() == Worker.State.CANCELLED);
        // Cancelled is not failed: nothing for a UI to report.
        assertEquals(null, onFx(task::getException));
    }

    @Test
    void runNowReturnsTheValue() throws Exception {
        ModelTask<Integer> task = new ModelTask<>("Adding", monitor -> {
            monitor.beginPhase("Adding", -1);
            return 1 + 1;
        });
        // The value comes back at once, with no executor and no waiting.
        assertEquals(2, onFx(task::runNow));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Worker.State.SUCCEEDED, onFx(task::getState));
        assertEquals("Adding", onFx(task::getMessage));
    }

    @Test
    void runNowThrowsWhatTheWorkThrew() throws Exception {
        IOException problem = new IOException("unexpected end of input (the file is truncated)");
        ModelTask<Void> task = new ModelTask<>("Loading", monitor -> {
            throw problem;
        });
        // Off the FX thread too, e.g. on the test's own thread.
        assertSame(problem, assertThrows(IOException.class, task::runNow));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(problem, onFx(task::getException));
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    /** Task's properties may only be read on the FX thread. */
    private static void waitOnFx(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(condition));
    }

    @Test
    void runNowOfACancelledTaskThrowsCancelled() {
        ModelTask<Void> task = new ModelTask<>("Loading", monitor -> null);
        task.cancel();
        assertThrows(CancelledException.class, task::runNow);
    }
}
