package io.heapscope.app.cli;

import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** The snapshot a command reads: one positional FILE, declared once for every command (a picocli mixin). */
final class SnapshotFile {
    @Parameters(index = "0", paramLabel = "FILE", description = "A .heapsnapshot file, plain or gzip-compressed.")
    Path path;
}
