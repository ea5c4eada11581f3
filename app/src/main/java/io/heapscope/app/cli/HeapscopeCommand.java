package io.heapscope.app.cli;

import io.heapscope.app.DemoApplication;
import io.heapscope.app.HeapscopeApplication;
import io.heapscope.model.runtime.demo.DemoKind;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code heapscope} command. With no command it opens the desktop app. A new command is one more class in
 * {@code subcommands}; it reports problems by throwing (see {@link ErrorHandler} for what becomes which exit code).
 */
@Command(
        name = "heapscope",
        mixinStandardHelpOptions = true,
        // Every command gets --help and --version: usage errors end with "Try 'heapscope CMD --help'".
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description = "Explore Node.js heap snapshots. With no command, opens the desktop app.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Success.",
            "1:A check found a problem.",
            "2:Bad usage, or an input could not be read.",
            "70:Internal error (a bug; --debug shows the stack trace).",
            "130:Cancelled."
        })
public final class HeapscopeCommand implements Callable<Integer> {
    /**
     * The commands by name, in the order the help lists them. The names repeat the commands' annotations (a test
     * holds them equal) so that finding one loads none of the others.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = orderedMap(
            "help", HelpCommand.class, "open", OpenCommand.class, "info", InfoCommand.class,
            "export", ExportCommand.class, "summary", SummaryCommand.class, "stats", StatsCommand.class,
            "path", PathCommand.class, "retainers", RetainersCommand.class, "dominated", DominatedCommand.class,
            "modules", ModulesCommand.class, "bench", BenchCommand.class, "diff", DiffCommand.class,
            "watch", WatchCommand.class, "report", ReportCommand.class, "demo", DemoCommand.class);

    // INHERIT: "heapscope info --debug FILE" works as well as "heapscope --debug info FILE"; picocli copies the
    // option into every subcommand with the same setter, so this one field sees both.
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show Java stack traces for errors.")
    boolean debug;

    @Spec
    CommandSpec spec;

    private HeapscopeCommand() {
    }

    private static Map<String, Class<?>> orderedMap(Object... namesAndClasses) {
        Map<String, Class<?>> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndClasses.length; i += 2) {
            map.put((String) namesAndClasses[i], (Class<?>) namesAndClasses[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** A ready-to-execute command line with heapscope's error handling; {@code execute} returns the exit code. */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS.values());
    }

    /**
     * The command line for {@code args}: when they start with a command's name, with that command alone. picocli
     * builds its model of a command by reflection, in code not yet compiled: for all of them that took 0.4 s of
     * every run. Anything else (no command, help, a mistyped name) gets them all.
     */
    public static CommandLine commandLine(String... args) {
        Class<?> named = args.length > 0 && !args[0].equals("help") ? SUBCOMMANDS.get(args[0]) : null;
        return named != null ? commandLine(List.of(named)) : commandLine();
    }

    private static CommandLine commandLine(Collection<Class<?>> subcommands) {
        HeapscopeCommand root = new HeapscopeCommand();
        ErrorHandler errors = new ErrorHandler(() -> root.debug);
        CommandLine line = new CommandLine(root);
        for (Class<?> command : subcommands) {
            line.addSubcommand(command);
        }
        return line.setExecutionExceptionHandler(errors).setParameterExceptionHandler(errors);
    }

    @Override
    public Integer call() {
        return openApp(spec, List.of(), null);
    }

    /**
     * Runs the desktop app until its window closes, with {@code files} open and {@code script} (or null) launched as
     * a live runtime; {@code spec} is the calling command's, for its stderr.
     */
    static int openApp(CommandSpec spec, List<Path> files, Path script) {
        try {
            HeapscopeApplication.launch(files, script);
            return ExitCodes.OK;
        } catch (UnsupportedOperationException e) {
            return cannotOpenWindow(spec, e);
        }
    }

    /** Runs the desktop app with {@code heapscope demo}'s scenario until its window closes. */
    static int openDemo(CommandSpec spec, DemoKind kind, int cycles, Path samples) {
        try {
            DemoApplication.launch(kind, cycles, samples);
            return ExitCodes.OK;
        } catch (UnsupportedOperationException e) {
            return cannotOpenWindow(spec, e);
        }
    }

    // How JavaFX says "Unable to open DISPLAY" (ssh, CI): the user's setup, not a bug in heapscope.
    private static int cannotOpenWindow(CommandSpec spec, UnsupportedOperationException e) {
        spec.commandLine().getErr().println("heapscope: cannot open a window: " + e.getMessage());
        return ExitCodes.USAGE_OR_INPUT;
    }
}
