package io.heapscope.app.cli;

/** The exit codes of {@code heapscope}, so that scripts can tell "a check failed" from "could not run". */
public final class ExitCodes {
    /** The command did what was asked and every check passed. */
    public static final int OK = 0;
    /** The command ran, and a check it made found a problem; see {@link CheckFailedException}. */
    public static final int CHECK_FAILED = 1;
    /** Bad usage, or an input that could not be read. */
    public static final int USAGE_OR_INPUT = 2;
    /** A bug in heapscope: an exception nobody expected. 70 is EX_SOFTWARE in BSD's sysexits.h. */
    public static final int INTERNAL_ERROR = 70;
    /** Cancelled by the user; 128 + SIGINT, as a shell reports a command stopped by Ctrl+C. */
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }
}
