package io.heapscope.app;

import atlantafx.base.theme.Styles;
import io.heapscope.model.format.ByteSizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What the centre shows while no snapshot is open: how to open one, the recent files and the bundled samples, each
 * one click from open. The samples section is left out when there are none (a jar without its checkout).
 */
final class WelcomePage extends ScrollPane {
    static final String RECENT_LINK = "welcome-recent";
    static final String SAMPLE_LINK = "welcome-sample";

    private final Consumer<Path> open;
    private final VBox recentRows = new VBox(2);

    /**
     * @param recent     the recent files, most recent first; the page follows its changes
     * @param samples    the sample snapshots, possibly none
     * @param open       opens one file
     * @param chooseFile the Open… dialog
     * @param openKeys   the Open shortcut as the user types it, for the hint
     */
    WelcomePage(ObservableList<Path> recent, List<Path> samples, Consumer<Path> open, Runnable chooseFile,
                String openKeys) {
        this.open = open;
        setId("welcome");
        getStyleClass().add("welcome-page");
        setFitToWidth(true);

        Label title = new Label("heapscope", new FontIcon(Feather.LAYERS));
        title.getStyleClass().addAll(Styles.TITLE_2, "welcome-title");
        Label subtitle = new Label("Find what keeps memory alive in a Node.js heap snapshot. Open a "
                + ".heapsnapshot or .heapsnapshot.gz file, or drop files anywhere on this window.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);
        Button openButton = new Button("Open a heap snapshot…", new FontIcon(Feather.FOLDER));
        openButton.setId("welcome-open");
        openButton.getStyleClass().add(Styles.ACCENT);
        openButton.setOnAction(event -> chooseFile.run());
        Label keys = new Label(openKeys);
        keys.getStyleClass().addAll(Styles.TEXT_MUTED, "welcome-keys");
        HBox actions = new HBox(10, openButton, keys);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox recentSection = section("Recent files", Feather.CLOCK, recentRows);
        recent.addListener((ListChangeListener<Path>) change -> showRecent(recent));
        showRecent(recent);
        HBox sections = new HBox(32, recentSection);
        // Each box as tall as its own list: a short recent list beside the long samples is no empty frame.
        sections.setFillHeight(false);
        HBox.setHgrow(recentSection, Priority.ALWAYS);
        if (!samples.isEmpty()) {
            VBox sampleRows = new VBox(2);
            for (Path sample : samples) {
                sampleRows.getChildren().add(row(sample, SAMPLE_LINK, sizeOf(sample)));
            }
            VBox samplesSection = section("Sample snapshots", Feather.BOX, sampleRows);
            HBox.setHgrow(samplesSection, Priority.ALWAYS);
            sections.getChildren().add(samplesSection);
        }

        VBox page = new VBox(14, title, subtitle, actions, sections);
        page.getStyleClass().add("welcome-content");
        page.setMaxWidth(900);
        page.setPadding(new Insets(40, 32, 32, 32));
        VBox centred = new VBox(page);
        centred.setAlignment(Pos.TOP_CENTER);
        setContent(centred);
    }

    private void showRecent(List<Path> recent) {
        if (recent.isEmpty()) {
            Label none = new Label("Files you open will be listed here.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            recentRows.getChildren().setAll(none);
            return;
        }
        recentRows.getChildren().setAll(recent.stream()
                .map(file -> row(file, RECENT_LINK, file.getParent() == null ? "" : file.getParent().toString()))
                .toList());
    }

    private static VBox section(String name, Feather icon, Node rows) {
        Label heading = new Label(name, new FontIcon(icon));
        heading.getStyleClass().addAll(Styles.TITLE_4, "welcome-heading");
        VBox section = new VBox(8, heading, rows);
        section.getStyleClass().add("welcome-section");
        section.setMinWidth(0);
        section.setPrefWidth(0);
        return section;
    }

    /** A file as a link (its short name) and a muted note beside it; the tooltip has the whole path. */
    private Node row(Path file, String styleClass, String note) {
        Hyperlink link = new Hyperlink(OpenSnapshotCell.shortName(file));
        link.getStyleClass().add(styleClass);
        link.setUserData(file);
        link.setTooltip(new Tooltip(file.toString()));
        link.setOnAction(event -> open.accept(file));
        link.setMinWidth(Region.USE_PREF_SIZE);
        Label detail = new Label(note);
        detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        detail.setMinWidth(0);
        HBox row = new HBox(8, link, detail);
        row.setAlignment(Pos.BASELINE_LEFT);
        return row;
    }

    private static String sizeOf(Path file) {
        try {
            return ByteSizes.human(Files.size(file));
        } catch (IOException e) {
            return "";
        }
    }
}
