package io.heapscope.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The snapshots opened lately, most recent first, at most {@value #MAX}, kept in the {@link Settings} and saved at
 * each change (a crash should not forget what was just opened). Files that no longer exist are dropped when the list
 * is read, so the welcome page and the menu never offer a dead link.
 */
final class RecentFiles {
    static final int MAX = 10;
    private static final String KEY = "recent";

    private final Settings settings;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    RecentFiles(Settings settings) {
        this.settings = settings;
        List<Path> stored = new ArrayList<>();
        for (String name : settings.getList(KEY)) {
            try {
                Path file = Path.of(name);
                if (Files.isRegularFile(file) && !stored.contains(file) && stored.size() < MAX) {
                    stored.add(file);
                }
            } catch (java.nio.file.InvalidPathException e) {
                // Written on another system, perhaps; nothing to offer.
            }
        }
        files.setAll(stored);
    }

    /** The list, most recent first; read-only for callers (change it through {@link #add}). */
    ObservableList<Path> files() {
        return FXCollections.unmodifiableObservableList(files);
    }

    /** Puts {@code file} first (moving it up if it was there) and saves. */
    void add(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        List<Path> updated = new ArrayList<>(files);
        updated.remove(normal);
        updated.add(0, normal);
        while (updated.size() > MAX) {
            updated.remove(updated.size() - 1);
        }
        files.setAll(updated);
        settings.putList(KEY, updated.stream().map(Path::toString).toList());
        settings.save();
    }
}
