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
        String override = System.getProperty(DIRECTORY_PROPERTY);
        if (override != null && !override.isBlank()) {
            // Named outright: no guessing beside it.
            return List.of(Path.of(override));
        }
        return candidates("samples/snapshots");
    }

    /**
     * The checkout's directory {@code relative} (e.g. {@code samples/runtime}), looked for the same way as the
     * snapshots, or null when there is none with {@code marker} in it.
     */
    static Path checkoutDirectory(String relative, String marker) {
        return candidates(relative).stream().filter(d -> Files.isRegularFile(d.resolve(marker)))
                .map(d -> d.toAbsolutePath().normalize()).findFirst().orElse(null);
    }

    private static List<Path> candidates(String relative) {
        List<Path> candidates = new ArrayList<>();
        Path jar = jarLocation();
        if (jar != null) {
            // app/target/heapscope.jar (or app/target/classes) -> app -> the checkout.
            Path target = jar.getParent();
            Path app = target == null ? null : target.getParent();
            if (app != null && app.getParent() != null) {
                candidates.add(app.getParent().resolve(relative));
            }
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        candidates.add(workingDirectory.resolve(relative));
        // Tests and `mvn javafx:run` run in app/.
        candidates.add(workingDirectory.resolveSibling(relative));
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
