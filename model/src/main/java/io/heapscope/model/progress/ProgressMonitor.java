package io.heapscope.model.progress;

/**
 * Progress and cancellation for long work, with no UI dependency (the GUI bridges it to a JavaFX task, the command
 * line to stderr). Work is reported as named phases, each with its own amount of work.
 *
 * <p>Implementations must be cheap to call from hot loops a few thousand times a second and safe to call from a
 * worker thread; {@link #isCancelled()} may be read from any thread.
 */
public interface ProgressMonitor {

    /**
     * Hot loops check for cancellation and report progress when their step count's bits under this mask are zero:
     * every 1,024 steps. Checked every 65,536 steps, the check had mostly not yet happened when the JIT compiled the
     * loop, which then compiled it as a path never taken and threw the whole loop away at the first check, in the
     * middle of the phase, to run it interpreted until compiled again. At this rate a check costs nothing measurable.
     */
    int CHECKPOINT_MASK = 0x3FF;

    /** Starts a phase. {@code totalWork} is in the phase's own unit (bytes, nodes), or {@code -1} when unknown. */
    void beginPhase(String name, long totalWork);

    /** Reports the amount of work done so far in the current phase (absolute, not a delta). */
    void progress(long workDone);

    /** Ends the current phase (a phase also ends when the next begins). */
    default void endPhase() {
    }

    /** True once someone asked the work to stop; the worker then throws {@link CancelledException}. */
    boolean isCancelled();

    /** Throws {@link CancelledException} if cancellation was requested. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /**
     * A monitor for work that runs beside this one on another thread. It stops when this one is cancelled but
     * reports no phases or progress here, since a progress bar follows one line of work at a time.
     */
    default ProgressMonitor beside() {
        return new BesideMonitor(this);
    }

    /**
     * Checks for cancellation, then reports progress: what a hot loop does at each {@link #CHECKPOINT_MASK} step.
     * Loops that run on both cores at once have a different kind of monitor on each; called in the loop directly,
     * the JIT compiled the loop for the one kind it had seen, and threw the loop away when the other thread's came
     * (twice per loop and thread in the essential-edge phases). Calls from here share one profile that sees every
     * kind.
     */
    static void checkpoint(ProgressMonitor monitor, long workDone) {
        monitor.checkCancelled();
        monitor.progress(workDone);
    }

    /** A monitor that reports nothing and never cancels. */
    static ProgressMonitor none() {
        return NoProgress.INSTANCE;
    }
}
