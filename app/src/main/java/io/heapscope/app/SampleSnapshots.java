package io.heapscope.app;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample snapshots of a source checkout ({@code samples/snapshots/*.heapsnapshot.gz}), offered on the welcome
 * page. The jar runs from {@code app/target/} of the checkout, so they are looked for from there, then from the
 * working directory; the system property {@value #DIRECTORY_PROPERTY} names the directory outright. An installed
 * jar without a checkout has none, and the welcome page leaves the section out.
 */
final class SampleSnapshots {
    static final String DIRECTORY_PROPERTY = "heapscope.samples.dir";
    private static final String SUFFIX = ".heapsnapshot.gz";

    private SampleSnapshots() {
    }

    /** The samples, sorted by name; empty when no samples directory is found. */
    static List<Path> find() {
        for (Path directory : candidates()) {
            List<Path> samples = list(directory);
            if (!samples.isEmpty()) {
                return samples;
            }
        }
        return List.of();
    }

    static List<Path> list(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(file))
                    .map(file -> file.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<Path> candidates() {
        List<Path> candidates = new ArrayList<>();
        String override = System.getProperty(DIRECTORY_PROPERTY);
        if (override != null && !override.isBlank()) {
            // Named outright: no guessing beside it.
            return List.of(Path.of(override));
        }
        Path jar = jarLocation();
        if (jar != null) {
            // app/target/heapscope.jar (or app/target/classes) -> app -> the checkout.
            Path target = jar.getParent();
            Path app = target == null ? null : target.getParent();
            if (app != null && app.getParent() != null) {
                candidates.add(app.getParent().resolve("samples/snapshots"));
            }
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        candidates.add(workingDirectory.resolve("samples/snapshots"));
        // Tests and `mvn javafx:run` run in app/.
        candidates.add(workingDirectory.resolveSibling("samples/snapshots"));
        return candidates;
    }

    private static Path jarLocation() {
        try {
            var source = SampleSnapshots.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
