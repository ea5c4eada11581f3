package io.heapscope.app.cli;

/**
 * Thrown by a command whose check found a problem, after it printed what it found: heapscope then exits with
 * {@link ExitCodes#CHECK_FAILED}. This is an answer, not an error, so it carries no stack trace.
 */
public final class CheckFailedException extends RuntimeException {

    /** Exits 1 and prints nothing more: the command already said what was wrong. */
    public CheckFailedException() {
        this(null);
    }

    /** Exits 1 after printing {@code summary} as one {@code heapscope: } line on stderr. */
    public CheckFailedException(String summary) {
        super(summary, null, false, false);
    }
}
