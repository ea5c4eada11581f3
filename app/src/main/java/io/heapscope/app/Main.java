package io.heapscope.app;

import io.heapscope.app.cli.ExitCodes;
import io.heapscope.app.cli.HeapscopeCommand;
import io.heapscope.model.analysis.PhaseCollections;
import io.heapscope.model.progress.BesidePriority;
import io.heapscope.model.snapshot.ReaderWarmUp;

/**
 * Entry point of the shaded jar. With no arguments it opens the desktop app; {@code open FILE...} opens the app with
 * those files; anything else is the command line.
 *
 * <p>Deliberately not a {@code javafx.application.Application}: the JavaFX launcher refuses to start an Application
 * main class from the classpath ("JavaFX runtime components are missing"), and the command line should not pay for
 * loading JavaFX at all.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // The reader's loops compile on the second core while this one builds the command line or the window.
        ReaderWarmUp.startBeside();
        // The work beside a load must not slow the line that everything waits for; in the app, nor the window.
        BesidePriority.enable();
        // The root command itself opens the app when given no command, so every case goes through one parser and
        // one set of error handlers.
        if (args.length > 0 && !args[0].equals("open")) {
            // The command line's loads are batch work: a full collection between phases keeps the heap near the
            // data's size. The window would stop for each.
            PhaseCollections.enable();
        }
        int exitCode;
        try {
            exitCode = HeapscopeCommand.commandLine(args).execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands only Exceptions to our handlers; a snapshot too big for the heap is the one Error a user
            // can fix.
            System.err.println("heapscope: out of memory; give Java more with HEAPSCOPE_JAVA_OPTS, e.g. -Xmx16g");
            exitCode = ExitCodes.USAGE_OR_INPUT;
        }
        System.exit(exitCode);
    }
}
