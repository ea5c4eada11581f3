package io.heapscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heapscope.model.progress.CancelledException;
import java.io.IOException;
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

    private static CliRun run(String... args) {
        CommandLine cli = HeapscopeCommand.commandLine();
        cli.addSubcommand(new Fail());
        return CliRun.of(cli, args);
    }

    @Test
    void versionComesFromTheBuild() {
        CliRun run = run("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("heapscope \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void helpListsOptionsCommandsAndExitCodes() {
        CliRun run = run("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: heapscope"), run.out());
        for (String expected : new String[] {"--debug", "--version", "help", "open", "Exit codes:", "130"}) {
            assertTrue(run.out().contains(expected), expected);
        }
        assertEquals("", run.err());
    }

    @Test
    void helpCommandShowsASubcommandsUsage() {
        CliRun run = run("help", "open");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: heapscope open"), run.out());
    }

    @Test
    void everyCommandTakesHelpAsItsUsageErrorsSuggest() {
        for (String command : new String[] {"summary", "info", "watch", "diff"}) {
            CliRun run = run(command, "--help");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().startsWith("Usage: heapscope " + command), run.out());
            assertTrue(run.out().contains("--help"), run.out());
        }
    }

    @Test
    void theCommandsNamesAreTheirAnnotations() {
        HeapscopeCommand.SUBCOMMANDS.forEach((name, command) ->
                assertEquals(name, command.getAnnotation(Command.class).name()));
        assertEquals(HeapscopeCommand.SUBCOMMANDS.keySet(),
                HeapscopeCommand.commandLine().getSubcommands().keySet());
    }

    @Test
    void aCommandLineOfTheNamedCommandAloneAnswersAsTheWholeOne() {
        String[][] runs = {{"summary", "--help"}, {"info", "--bogus"}, {"retainers"},
            {"summary", "surely-missing.heapsnapshot", "--debug"}, {"report", "--help"}, {"ifno", "x"}, {"help"}};
        for (String[] args : runs) {
            CommandLine named = HeapscopeCommand.commandLine(args);
            CliRun alone = CliRun.of(named, args);
            CliRun whole = CliRun.of(HeapscopeCommand.commandLine(), args);
            assertEquals(whole.exitCode(), alone.exitCode(), String.join(" ", args));
            assertEquals(whole.out(), alone.out(), String.join(" ", args));
            // A stack trace's frames differ by where each line was built; its first line must not.
            assertEquals(withoutFrames(whole.err()), withoutFrames(alone.err()), String.join(" ", args));
        }
        assertEquals(1, HeapscopeCommand.commandLine("summary", "x").getSubcommands().size());
        assertTrue(HeapscopeCommand.commandLine("help", "summary").getSubcommands().size() > 10);
    }

    private static String withoutFrames(String err) {
        return err.lines().filter(line -> !line.startsWith("\t")).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void unknownOptionIsOneLinePlusHint() {
        CliRun run = run("--bogus");
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals("heapscope: Unknown option: '--bogus'%nTry 'heapscope --help'.%n".formatted(), run.err());
    }

    @Test
    void unknownCommandIsNamed() {
        CliRun run = run("ifno", "x.heapsnapshot");
        assertEquals(2, run.exitCode());
        assertEquals("heapscope: unknown command: 'ifno'%nTry 'heapscope --help'.%n".formatted(), run.err());
    }

    @Test
    void usageErrorInASubcommandPointsAtItsHelp() {
        CliRun run = run("open");
        assertEquals(2, run.exitCode());
        assertEquals(2, run.errLines().length, run.err());
        assertEquals("heapscope: give a FILE to open or --launch SCRIPT", run.errLines()[0]);
        assertEquals("Try 'heapscope open --help'.", run.errLines()[1]);
    }

    @Test
    void missingFileIsOneLineAndExitTwo() {
        CliRun run = run("fail", "missing");
        assertEquals(2, run.exitCode());
        assertEquals("heapscope: no such file: foo.heapsnapshot%n".formatted(), run.err());
    }

    @Test
    void openChecksItsFilesBeforeStartingTheApp() {
        CliRun run = run("open", "surely-missing.heapsnapshot");
        assertEquals(2, run.exitCode());
        assertEquals("heapscope: no such file: surely-missing.heapsnapshot%n".formatted(), run.err());
    }

    @Test
    void wrappedAndMultiLineIoErrorsStayOneLine() {
        assertEquals("heapscope: no such file: bar.heapsnapshot%n".formatted(), run("fail", "wrapped").err());
        CliRun io = run("fail", "io");
        assertEquals(2, io.exitCode());
        assertEquals("heapscope: bad header at line 1%n".formatted(), io.err());
    }

    @Test
    void failedCheckExitsOne() {
        CliRun run = run("fail", "check");
        assertEquals(1, run.exitCode());
        assertEquals("heapscope: 2 problems found%n".formatted(), run.err());
        CliRun quiet = run("fail", "quiet-check");
        assertEquals(1, quiet.exitCode());
        assertEquals("", quiet.err());
    }

    @Test
    void cancelledExits130() {
        CliRun run = run("fail", "cancel");
        assertEquals(130, run.exitCode());
        assertEquals("heapscope: cancelled%n".formatted(), run.err());
    }

    @Test
    void bugIsOneLineWithoutDebug() {
        CliRun run = run("fail", "bug");
        assertEquals(70, run.exitCode());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().startsWith("heapscope: internal error: java.lang.IllegalStateException: oops"));
        assertTrue(run.err().contains("--debug"));
    }

    @Test
    void debugShowsTheStackTraceBeforeOrAfterTheCommand() {
        for (String[] args : new String[][] {{"--debug", "fail", "missing"}, {"fail", "missing", "--debug"}}) {
            CliRun run = run(args);
            assertEquals(2, run.exitCode());
            assertEquals("heapscope: no such file: foo.heapsnapshot", run.errLines()[0]);
            assertTrue(run.err().contains("java.nio.file.NoSuchFileException: foo.heapsnapshot"), run.err());
            assertTrue(run.err().contains("\tat "), run.err());
        }
    }

    @Test
    void debugDoesNotPrintTracesForFailedChecks() {
        CliRun run = run("--debug", "fail", "check");
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
