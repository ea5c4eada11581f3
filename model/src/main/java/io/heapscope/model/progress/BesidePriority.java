package io.heapscope.model.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A lower scheduling priority for the threads that work beside a load's main line ({@link SideThread}), for
 * processes that ask for it. On two cores a load runs more threads than cores: the main line, the work beside it
 * and the JIT compilers, which compile each phase's loop as it starts. The main line is what everything waits for,
 * yet with equal priorities it got two thirds of a core whenever the compilers were busy: the dominator tree of the
 * 319 MB benchmark file took 1.0 s alone and 1.5 s beside two busy threads, as beside the real work. With the work
 * beside niced, the whole {@code summary} took 4.03 s instead of 4.26 s by median of nine alternating runs. The work
 * beside still gets a whole core whenever the main line waits for it, and what is left of one while the compilers
 * run.
 *
 * <p>Linux only: a thread there has a nice value of its own, which any process may raise for its threads (Java's own
 * priorities are ignored there unless the JVM runs as root). The thread's id is read from {@code /proc}, and
 * {@code renice} applies it; elsewhere, or when either is missing, threads keep the default priority.
 */
public final class BesidePriority {
    /** The nice value of the threads beside: well below the main line's 0, as a background job's. */
    static final int NICE = 10;
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static volatile boolean enabled;

    private BesidePriority() {
    }

    /** From now on, the threads beside lower their priority as they start. Process-wide. */
    public static void enable() {
        enabled = true;
    }

    /** For tests, which share one process. */
    static void disable() {
        enabled = false;
    }

    /** Lowers the calling thread's priority if enabled; without waiting, and quietly where it cannot. */
    static void lowerCurrentThread() {
        if (!enabled || !Files.isSymbolicLink(THREAD_SELF)) {
            return;
        }
        try {
            String threadId = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", threadId)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | RuntimeException noRenice) {
            // The work beside runs all the same, only at the main line's priority.
        }
    }
}
