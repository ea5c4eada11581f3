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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code heapscope open FILE...}: the desktop app with those files open. */
@Command(name = "open", description = "Open heap snapshots in the desktop app.")
final class OpenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Heap snapshots (.heapsnapshot) to open.")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        // A missing file is reported here, on the terminal that named it, rather than in a window later.
        for (Path file : files) {
            checkReadable(file);
        }
        return HeapscopeCommand.openApp(spec, files);
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
