package io.heapscope.app;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
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
    /**
     * The left tool window's width in pixels, not a share: it keeps its width when the window is resized, as an
     * IDE's tool window does.
     */
    static final String LEFT_WIDTH = "layout.left.width";
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
        } else {
            // The first run's default size, but never bigger than the screen (a small laptop's).
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            if (stage.getScene() != null && screen.getWidth() >= MIN_SIZE && screen.getHeight() >= MIN_SIZE) {
                stage.setWidth(Math.min(stage.getScene().getWidth(), screen.getWidth()));
                stage.setHeight(Math.min(stage.getScene().getHeight(), screen.getHeight()));
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
     * Gives the left tool window ({@code left}, the first item of {@code split}) the width it had last time
     * ({@code fallback} the first time), once the split has a width to divide, and remembers the width the user
     * drags it to.
     */
    void followLeftWidth(SplitPane split, Region left, double fallback) {
        double stored = settings.getDouble(LEFT_WIDTH, Double.NaN);
        double wanted = stored >= left.getMinWidth() ? stored : fallback;
        boolean[] placed = new boolean[1];
        split.widthProperty().addListener((observable, old, now) -> {
            if (!placed[0] && now.doubleValue() > 0) {
                placed[0] = true;
                // Never more than most of the window: a width kept from a bigger screen would hide the views.
                split.setDividerPosition(0, Math.min(wanted, now.doubleValue() * 0.6) / now.doubleValue());
            }
        });
        left.widthProperty().addListener((observable, old, now) -> {
            // Only widths after placing: those before are the split's first guess.
            if (placed[0] && now.doubleValue() > 0) {
                settings.putDouble(LEFT_WIDTH, Math.round(now.doubleValue()));
            }
        });
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
