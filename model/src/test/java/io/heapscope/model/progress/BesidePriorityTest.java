package io.heapscope.model.progress;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real scheduling priority of a side thread, as Linux reports it for the thread. */
class BesidePriorityTest {
    private static final Path THREAD_STAT = Path.of("/proc/thread-self/stat");

    @BeforeEach
    void onLinuxWithRenice() throws Exception {
        assumeTrue(Files.isReadable(THREAD_STAT), "threads have no nice value of their own here");
        Process which = new ProcessBuilder("sh", "-c", "command -v renice").start();
        assumeTrue(which.waitFor(10, TimeUnit.SECONDS) && which.exitValue() == 0, "no renice here");
    }

    @AfterEach
    void disable() {
        BesidePriority.disable();
    }

    @Test
    void sideThreadsRunNicedOnceEnabled() {
        BesidePriority.enable();

        // renice runs on its own while the thread works; it has a few seconds to get there.
        assertEquals(BesidePriority.NICE, niceBeside(BesidePriority.NICE, 5));
    }

    @Test
    void sideThreadsKeepTheCallersPriorityOtherwise() {
        int callers = niceOfCurrentThread();

        assertEquals(callers, niceBeside(callers, 0));
    }

    /** The side thread's nice value, once it is {@code expected} or {@code seconds} have passed. */
    private static int niceBeside(int expected, int seconds) {
        try (SideThread side = new SideThread(ProgressMonitor.none(), "test-beside")) {
            return SideThread.await(side.submit(monitor -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                int nice = niceOfCurrentThread();
                while (nice != expected && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                    nice = niceOfCurrentThread();
                }
                return nice;
            }));
        }
    }

    /** Field 19 of the thread's stat line; the command name before it may hold spaces, but ends at the last ')'. */
    private static int niceOfCurrentThread() {
        try {
            String stat = Files.readString(THREAD_STAT);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
