package io.heapscope.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What the window remembers between runs (theme, window bounds, split positions, recent files), as a small
 * properties file: {@code $XDG_CONFIG_HOME/heapscope/settings.properties}, or {@code ~/.config/heapscope/...}.
 * The system property {@value #DIRECTORY_PROPERTY} names another directory, so tests never touch a user's settings.
 *
 * <p>Settings are a convenience: a file that cannot be read or written is ignored (the app starts with defaults),
 * never an error that stops the app. Used on the FX thread only.
 */
final class Settings {
    static final String DIRECTORY_PROPERTY = "heapscope.settings.dir";
    static final String FILE_NAME = "settings.properties";

    private final Path file;
    private final Properties values = new Properties();

    private Settings(Path file) {
        this.file = file;
    }

    /** The settings in the usual place (see the class comment). */
    static Settings load() {
        return load(defaultDirectory().resolve(FILE_NAME));
    }

    /** The settings in {@code file}; empty if it does not exist or cannot be read. */
    static Settings load(Path file) {
        Settings settings = new Settings(file);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                settings.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // A damaged file only costs the remembered layout; the next save replaces it.
                settings.values.clear();
            }
        }
        return settings;
    }

    static Path defaultDirectory() {
        String override = System.getProperty(DIRECTORY_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("heapscope");
    }

    Path file() {
        return file;
    }

    /** Writes the settings; returns false (and leaves the old file) if that failed. */
    boolean save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // Written beside and moved over, so a crash mid-write cannot leave half a file.
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "settings", ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                values.store(out, "heapscope settings");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    double getDouble(String key, double fallback) {
        try {
            String value = values.getProperty(key);
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    void putDouble(String key, double value) {
        values.setProperty(key, Double.toString(value));
    }

    boolean getBoolean(String key, boolean fallback) {
        String value = values.getProperty(key);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }

    void putBoolean(String key, boolean value) {
        values.setProperty(key, Boolean.toString(value));
    }

    /** A list stored as {@code key.0}, {@code key.1}, ...: paths may hold any separator character. */
    List<String> getList(String key) {
        List<String> list = new ArrayList<>();
        for (int i = 0; values.getProperty(key + "." + i) != null; i++) {
            list.add(values.getProperty(key + "." + i));
        }
        return list;
    }

    void putList(String key, List<String> list) {
        values.keySet().removeIf(name -> name.toString().startsWith(key + "."));
        for (int i = 0; i < list.size(); i++) {
            values.setProperty(key + "." + i, list.get(i));
        }
    }
}
