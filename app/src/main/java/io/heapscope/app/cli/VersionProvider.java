package io.heapscope.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Reads the version from a resource that Maven filters at build time. A resource rather than the jar manifest, so
 * the version is the same when run from {@code target/classes} in tests as from the shaded jar.
 */
final class VersionProvider implements IVersionProvider {
    private static final String RESOURCE = "/io/heapscope/app/version.properties";

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"heapscope " + version()};
    }
}
