package io.heapscope.app.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command line, as {@code Main} runs it, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    static CliRun of(String... args) {
        return of(HeapscopeCommand.commandLine(), args);
    }

    /** stderr lines, for checking that an error is exactly one line. */
    String[] errLines() {
        return err.lines().toArray(String[]::new);
    }
}
