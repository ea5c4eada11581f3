package io.heapscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heapscope.model.progress.CancelledException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Runs the command line in-process, as {@code Main} does, and checks what a user would see. */
class HeapscopeCommandTest {

    /** A stand-in for a real subcommand that fails in the way it is told to. */
    @Command(name = "fail")
    static final class Fail implements Callable<Integer> {
        @Parameters(index = "0")
        String how;

        @Override
        public Integer call() throws Exception {
            switch (how) {
                case "missing" -> throw new NoSuchFileException("foo.heapsnapshot");
                case "wrapped" -> throw new UncheckedIOException(new NoSuchFileException("bar.heapsnapshot"));
                case "io" -> throw new IOException("bad header\n at line 1");
                case "check" -> throw new CheckFailedException("2 problems found");
                case "quiet-check" -> throw new CheckFailedException();
                case "cancel" -> throw new CancelledException();
                case "bug" -> throw new IllegalStateException("oops");
                default -> {
                    return ExitCodes.OK;
                }
            }
        }
    }

    private record Run(int exitCode, String out, String err) {
        /** stderr lines, for checking that an error is exactly one line. */
        String[] errLines() {
            return err.lines().toArray(String[]::new);
        }
    }

    private static Run run(String... args) {
        CommandLine cli = HeapscopeCommand.commandLine();
        cli.addSubcommand(new Fail());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void versionComesFromTheBuild() {
        Run run = run("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("heapscope \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void helpListsOptionsCommandsAndExitCodes() {
        Run run = run("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: heapscope"), run.out());
        for (String expected : new String[] {"--debug", "--version", "help", "open", "Exit codes:", "130"}) {
            assertTrue(run.out().contains(expected), expected);
        }
        assertEquals("", run.err());
    }

    @Test
    void helpCommandShowsASubcommandsUsage() {
        Run run = run("help", "open");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: heapscope open"), run.out());
    }

    @Test
    void unknownOptionIsOneLinePlusHint() {
        Run run = run("--bogus");
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals("heapscope: Unknown option: '--bogus'%nTry 'heapscope --help'.%n".formatted(), run.err());
    }

    @Test
    void unknownCommandIsNamed() {
        Run run = run("ifno", "x.heapsnapshot");
        assertEquals(2, run.exitCode());
        assertEquals("heapscope: unknown command: 'ifno'%nTry 'heapscope --help'.%n".formatted(), run.err());
    }

    @Test
    void usageErrorInASubcommandPointsAtItsHelp() {
        Run run = run("open");
        assertEquals(2, run.exitCode());
        assertEquals(2, run.errLines().length, run.err());
        assertTrue(run.errLines()[0].startsWith("heapscope: Missing required parameter"), run.err());
        assertEquals("Try 'heapscope open --help'.", run.errLines()[1]);
    }

    @Test
    void missingFileIsOneLineAndExitTwo() {
        Run run = run("fail", "missing");
        assertEquals(2, run.exitCode());
        assertEquals("heapscope: no such file: foo.heapsnapshot%n".formatted(), run.err());
    }

    @Test
    void openChecksItsFilesBeforeStartingTheApp() {
        Run run = run("open", "surely-missing.heapsnapshot");
        assertEquals(2, run.exitCode());
        assertEquals("heapscope: no such file: surely-missing.heapsnapshot%n".formatted(), run.err());
    }

    @Test
    void wrappedAndMultiLineIoErrorsStayOneLine() {
        assertEquals("heapscope: no such file: bar.heapsnapshot%n".formatted(), run("fail", "wrapped").err());
        Run io = run("fail", "io");
        assertEquals(2, io.exitCode());
        assertEquals("heapscope: bad header at line 1%n".formatted(), io.err());
    }

    @Test
    void failedCheckExitsOne() {
        Run run = run("fail", "check");
        assertEquals(1, run.exitCode());
        assertEquals("heapscope: 2 problems found%n".formatted(), run.err());
        Run quiet = run("fail", "quiet-check");
        assertEquals(1, quiet.exitCode());
        assertEquals("", quiet.err());
    }

    @Test
    void cancelledExits130() {
        Run run = run("fail", "cancel");
        assertEquals(130, run.exitCode());
        assertEquals("heapscope: cancelled%n".formatted(), run.err());
    }

    @Test
    void bugIsOneLineWithoutDebug() {
        Run run = run("fail", "bug");
        assertEquals(70, run.exitCode());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().startsWith("heapscope: internal error: java.lang.IllegalStateException: oops"));
        assertTrue(run.err().contains("--debug"));
    }

    @Test
    void debugShowsTheStackTraceBeforeOrAfterTheCommand() {
        for (String[] args : new String[][] {{"--debug", "fail", "missing"}, {"fail", "missing", "--debug"}}) {
            Run run = run(args);
            assertEquals(2, run.exitCode());
            assertEquals("heapscope: no such file: foo.heapsnapshot", run.errLines()[0]);
            assertTrue(run.err().contains("java.nio.file.NoSuchFileException: foo.heapsnapshot"), run.err());
            assertTrue(run.err().contains("\tat "), run.err());
        }
    }

    @Test
    void debugDoesNotPrintTracesForFailedChecks() {
        Run run = run("--debug", "fail", "check");
        assertEquals(1, run.exitCode());
        assertEquals("heapscope: 2 problems found%n".formatted(), run.err());
    }

    @Test
    void withoutDebugThereIsNoStackTrace() {
        for (String how : new String[] {"missing", "io", "cancel", "bug"}) {
            assertFalse(run("fail", how).err().contains("\tat "), how);
        }
    }
}
