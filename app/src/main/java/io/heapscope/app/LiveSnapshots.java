package io.heapscope.app;

import java.nio.file.Path;

/**
 * Where snapshots taken from live runtimes are saved as they stream in, so they can be reopened like any file:
 * {@code $XDG_CACHE_HOME/heapscope/snapshots} (by default {@code ~/.cache/heapscope/snapshots}), or the
 * {@code heapscope.snapshots} system property (tests point it at a temporary directory).
 */
final class LiveSnapshots {
    static final String PROPERTY = "heapscope.snapshots";

    private LiveSnapshots() {
    }

    static Path directory() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("heapscope").resolve("snapshots");
    }
}
