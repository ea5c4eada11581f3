package io.heapscope.app;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Remembers the window's size, position and maximized state, and the split positions of the snapshot views, in
 * the {@link Settings}; restores them at start and saves them when the window closes.
 *
 * <p>The bounds kept are the last ones the window had while neither maximized nor minimized, so un-maximizing after
 * a restart goes back to a sensible size. A position no screen shows any more (a monitor unplugged) is dropped and
 * the window centred instead.
 */
final class WindowLayout {
    static final String X = "window.x";
    static final String Y = "window.y";
    static final String WIDTH = "window.width";
    static final String HEIGHT = "window.height";
    static final String MAXIMIZED = "window.maximized";
    /** The share of the snapshot views' height the tabs take (the tool windows have the rest). */
    static final String TABS_SHARE = "layout.tabs";
    /** The share of the bottom's width the Retainers take (Details have the rest). */
    static final String RETAINERS_SHARE = "layout.retainers";
    /** Below this the window would be unusable; a stored size smaller than this is a mistake, not a choice. */
    private static final double MIN_SIZE = 400;

    private final Settings settings;

    WindowLayout(Settings settings) {
        this.settings = settings;
    }

    /** Sizes and places {@code stage} as it was last time, and saves its bounds when it closes. Before show(). */
    void restore(Stage stage) {
        double width = settings.getDouble(WIDTH, -1);
        double height = settings.getDouble(HEIGHT, -1);
        if (width >= MIN_SIZE && height >= MIN_SIZE) {
            stage.setWidth(width);
            stage.setHeight(height);
            double x = settings.getDouble(X, Double.NaN);
            double y = settings.getDouble(Y, Double.NaN);
            if (!Double.isNaN(x) && !Double.isNaN(y)
                    && !Screen.getScreensForRectangle(new Rectangle2D(x, y, width, height)).isEmpty()) {
                stage.setX(x);
                stage.setY(y);
            }
        }
        stage.setMaximized(settings.getBoolean(MAXIMIZED, false));
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> save(stage));
    }

    /** Writes the stage's state into the settings and saves them. */
    void save(Stage stage) {
        settings.putBoolean(MAXIMIZED, stage.isMaximized());
        if (!stage.isMaximized() && !stage.isIconified() && !Double.isNaN(stage.getWidth())) {
            settings.putDouble(X, stage.getX());
            settings.putDouble(Y, stage.getY());
            settings.putDouble(WIDTH, stage.getWidth());
            settings.putDouble(HEIGHT, stage.getHeight());
        }
        settings.save();
    }

    /**
     * Gives a new snapshot view the split positions last used, and remembers them when the user drags a divider:
     * every snapshot's views share one layout, as an IDE's tool windows do.
     */
    void follow(SnapshotTabs views) {
        follow(views, 0, TABS_SHARE);
        follow(views.toolWindows(), 0, RETAINERS_SHARE);
    }

    private void follow(SplitPane split, int divider, String key) {
        double stored = settings.getDouble(key, Double.NaN);
        // Within (0.1, 0.9): a divider dragged to an edge would hide a tool window for good.
        if (stored > 0.1 && stored < 0.9) {
            split.setDividerPosition(divider, stored);
        }
        split.getDividers().get(divider).positionProperty().addListener((observable, old, now) -> {
            // Positions while the split has no size yet are the layout's guesses, not the user's.
            if (split.getWidth() > 0 && split.getHeight() > 0) {
                settings.putDouble(key, now.doubleValue());
            }
        });
    }
}
