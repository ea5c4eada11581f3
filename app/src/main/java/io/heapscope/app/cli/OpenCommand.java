package io.heapscope.app.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code heapscope open FILE...}: the desktop app with those files open. */
@Command(name = "open", description = "Open heap snapshots in the desktop app, and/or launch a Node script there "
        + "as a live runtime.")
final class OpenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Heap snapshots (.heapsnapshot) to open.")
    List<Path> files = List.of();

    @Option(names = "--launch", paramLabel = "SCRIPT",
            description = "Launch SCRIPT with Node under the inspector and show it in the Runtimes section.")
    Path script;

    @Override
    public Integer call() throws IOException {
        // A missing file is reported here, on the terminal that named it, rather than in a window later.
        if (files.isEmpty() && script == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give a FILE to open or --launch SCRIPT");
        }
        for (Path file : files) {
            checkReadable(file);
        }
        if (script != null) {
            checkReadable(script);
        }
        return HeapscopeCommand.openApp(spec, files, script);
    }

    private static void checkReadable(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a directory");
        }
        if (!Files.isReadable(file)) {
            throw new AccessDeniedException(file.toString());
        }
    }
}
