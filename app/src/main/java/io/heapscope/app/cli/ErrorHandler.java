package io.heapscope.app.cli;

import io.heapscope.model.progress.CancelledException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns what a command throws into an exit code and one {@code heapscope: } line on stderr. Stack traces only with
 * {@code --debug}: a user needs the message, a developer the trace.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private static final String PREFIX = "heapscope: ";

    private final BooleanSupplier debug;

    /** {@code debug} is read when an error happens, i.e. after the command line was parsed. */
    ErrorHandler(BooleanSupplier debug) {
        this.debug = debug;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(PREFIX + oneLine(usageMessage(ex)));
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
        printTraceIfDebug(ex, err);
        err.flush();
        return ExitCodes.USAGE_OR_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        Throwable cause = unwrap(ex);
        if (cause instanceof ParameterException usage) {
            // A command found its arguments wrong only once it had the data (an unknown @id, say): still usage.
            return handleParseException(usage, new String[0]);
        }
        int exitCode;
        if (cause instanceof CheckFailedException) {
            if (cause.getMessage() != null) {
                err.println(PREFIX + oneLine(cause.getMessage()));
            }
            exitCode = ExitCodes.CHECK_FAILED;
        } else if (cause instanceof CancelledException) {
            err.println(PREFIX + "cancelled");
            exitCode = ExitCodes.CANCELLED;
        } else if (cause instanceof IOException io) {
            err.println(PREFIX + describe(io));
            exitCode = ExitCodes.USAGE_OR_INPUT;
        } else {
            err.println(PREFIX + "internal error: " + oneLine(cause.toString())
                    + (debug.getAsBoolean() ? "" : " (run with --debug for the stack trace)"));
            exitCode = ExitCodes.INTERNAL_ERROR;
        }
        if (!(cause instanceof CheckFailedException)) {
            printTraceIfDebug(ex, err);
        }
        err.flush();
        return exitCode;
    }

    /** picocli calls a mistyped command "Unmatched arguments from index 0: 'ifno', 'x'"; say what it is. */
    private static String usageMessage(ParameterException ex) {
        CommandLine command = ex.getCommandLine();
        if (ex instanceof UnmatchedArgumentException unmatched
                && !command.getSubcommands().isEmpty()
                && command.getCommandSpec().positionalParameters().isEmpty()
                && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-")) {
            return "unknown command: '" + unmatched.getUnmatched().get(0) + "'";
        }
        return ex.getMessage();
    }

    /** Strips the wrappers that concurrency and lambdas put around the exception that says what went wrong. */
    private static Throwable unwrap(Throwable ex) {
        Throwable t = ex;
        while ((t instanceof UncheckedIOException || t instanceof ExecutionException
                || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(IOException ex) {
        if (ex instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        if (ex instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        // FileSystemException's message is already "file: reason"; parsers' messages name their input themselves.
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : oneLine(ex.getMessage());
    }

    /** Some messages (JSON parsers', picocli's) span lines; the error must stay one line. */
    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private void printTraceIfDebug(Throwable ex, PrintWriter err) {
        if (debug.getAsBoolean()) {
            ex.printStackTrace(err);
        }
    }
}
