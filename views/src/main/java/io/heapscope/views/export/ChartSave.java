package io.heapscope.views.export;

import io.heapscope.views.chart.ChartImages;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Save Chart as PNG…" and "Save Chart as SVG…" in a chart's context menu: the chart as shown (its theme, at the
 * viewer's size; PNG at twice the pixels, sharp on a high-density screen), drawn by {@link ChartImages} off screen.
 * A file that cannot be written is reported in a dialog.
 */
public final class ChartSave {
    public enum Format {
        PNG, SVG;

        String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** PNGs carry this many pixels per point of the viewer. */
    static final double PNG_SCALE = 2;
    private static final int MIN_SIZE = 200;

    /** Asks where to save: the format and the suggested file name; {@code null} when the user cancelled. */
    @FunctionalInterface
    public interface FileAsker extends BiFunction<Format, String, Path> {
    }

    private final ChartViewer viewer;
    private final String baseName;
    private FileAsker asker;

    private ChartSave(ChartViewer viewer, String baseName) {
        this.viewer = viewer;
        this.baseName = baseName;
        this.asker = this::choose;
    }

    /**
     * Puts the two save items in {@code viewer}'s context menu, in place of JFreeChart's own export entries
     * (making a menu if it has none).
     *
     * @param baseName the suggested file name without extension, e.g. {@code statistics}
     */
    public static ChartSave install(ChartViewer viewer, String baseName) {
        ChartSave save = new ChartSave(Objects.requireNonNull(viewer, "viewer"), baseName);
        ContextMenu menu = viewer.getContextMenu();
        if (menu == null) {
            // A viewer made without JFreeChart's menu (a Region, not a Control): shown on request instead.
            ContextMenu own = new ContextMenu();
            viewer.setOnContextMenuRequested(event -> {
                own.show(viewer, event.getScreenX(), event.getScreenY());
                event.consume();
            });
            viewer.getProperties().put(ContextMenu.class, own);
            menu = own;
        } else {
            // JFreeChart's own "Export As" writes with optional libraries and ignores the viewer's size; ours is
            // the one way to save a chart.
            menu.getItems().clear();
        }
        for (Format format : Format.values()) {
            MenuItem item = new MenuItem("Save Chart as " + format + "\u2026", new FontIcon(Feather.IMAGE));
            item.setId("save-chart-" + format.extension());
            item.setOnAction(event -> save.ask(format));
            menu.getItems().add(item);
        }
        viewer.getProperties().put(ChartSave.class, save);
        return save;
    }

    /** The saver installed on {@code viewer}, or {@code null}. */
    public static ChartSave of(ChartViewer viewer) {
        return (ChartSave) viewer.getProperties().get(ChartSave.class);
    }

    /** The menu holding the save items: JFreeChart's own, or the one made for a viewer without. */
    public ContextMenu menu() {
        ContextMenu own = (ContextMenu) viewer.getProperties().get(ContextMenu.class);
        return own != null ? own : viewer.getContextMenu();
    }

    /** Replaces the file chooser: for tests, or a caller that knows the file. */
    public void setFileAsker(FileAsker asker) {
        this.asker = Objects.requireNonNull(asker, "asker");
    }

    /** Asks for a file and saves the chart there in {@code format}. */
    public void ask(Format format) {
        Path file = asker.apply(format, baseName + "." + format.extension());
        if (file == null) {
            return;
        }
        try {
            write(format, file);
        } catch (IOException | RuntimeException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR);
            Window owner = viewer.getScene() == null ? null : viewer.getScene().getWindow();
            if (owner != null) {
                alert.initOwner(owner);
            }
            alert.setHeaderText("Could not save the chart");
            alert.setContentText(file + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            alert.show();
        }
    }

    /** Writes the chart to {@code file} at the viewer's size (at least {@value #MIN_SIZE} points each way). */
    public void write(Format format, Path file) throws IOException {
        JFreeChart chart = viewer.getChart();
        int width = (int) Math.max(MIN_SIZE, Math.round(viewer.getWidth()));
        int height = (int) Math.max(MIN_SIZE, Math.round(viewer.getHeight()));
        if (format == Format.PNG) {
            ChartImages.writePng(chart, width, height, PNG_SCALE, file);
        } else {
            ChartImages.writeSvg(chart, width, height, file);
        }
    }

    private Path choose(Format format, String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save chart as " + format);
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format + " image",
                "*." + format.extension()));
        File chosen = chooser.showSaveDialog(viewer.getScene() == null ? null : viewer.getScene().getWindow());
        return chosen == null ? null : chosen.toPath();
    }
}
