package io.heapscope.app.cli;

import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.progress.CancellableProgress;
import io.heapscope.model.snapshot.SnapshotReader;

import java.io.PrintStream;

/**
 * A one-line progress display on stderr for long commands, redrawn at most a few times a second, and only when stderr
 * is a terminal (logs and pipes stay clean). Ctrl+C cancels: the shutdown hook stops the work and clears the line.
 */
final class ConsoleProgress extends CancellableProgress {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream err;
    private final boolean enabled;
    private final Thread shutdownHook;
    private volatile String phase = "";
    private volatile long total = -1;
    private long lastDraw;
    private boolean drawn;

    ConsoleProgress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
        this.shutdownHook = new Thread(() -> {
            cancel();
            clear();
        }, "heapscope-cancel");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** On when stderr is an interactive terminal. */
    static ConsoleProgress forTerminal() {
        return new ConsoleProgress(System.err, System.console() != null);
    }

    @Override
    public void beginPhase(String name, long totalWork) {
        phase = name;
        total = totalWork;
        draw(0, true);
    }

    @Override
    public void progress(long workDone) {
        draw(workDone, false);
    }

    private synchronized void draw(long done, boolean force) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        // Only reading counts bytes; other phases count nodes or V8's own snapshot steps.
        boolean bytes = SnapshotReader.READ_PHASE.equals(phase);
        String amount = total > 0
                ? String.format("%3d%%", Math.min(100, done * 100 / total))
                        + (bytes ? "  " + ByteSizes.human(done) + " of " + ByteSizes.human(total) : "")
                : done > 0 && bytes ? ByteSizes.human(done) : "";
        err.print("\r\033[K" + phase + "  " + amount);
        err.flush();
        drawn = true;
    }

    /** Removes the progress line, e.g. before printing a result row; the next progress draws it again. */
    synchronized void erase() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }

    /** Removes the progress line and the Ctrl+C hook; call when the work is done. */
    synchronized void clear() {
        erase();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // Called from the hook itself.
        }
    }
}
