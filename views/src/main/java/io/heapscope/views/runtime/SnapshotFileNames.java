package io.heapscope.views.runtime;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Names for snapshots taken from a runtime: the runtime, the time and a counter, safe as a file name anywhere. */
final class SnapshotFileNames {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private SnapshotFileNames() {
    }

    static String next(String runtimeName, int count) {
        String safe = runtimeName.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return (safe.isEmpty() ? "runtime" : safe) + "-" + LocalDateTime.now().format(TIME) + "-" + count
                + ".heapsnapshot";
    }
}
