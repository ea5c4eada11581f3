package io.heapscope.app;

import io.heapscope.views.modules.ModulesPane;
import io.heapscope.views.snapshot.SnapshotSummaryPane;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The views of one loaded snapshot, one tab each: Overview and Modules for now; Summary, Containment, Dominators,
 * Statistics and Comparison join them. A tab's content is built the first time the tab is shown, then kept, so
 * opening a snapshot pays only for what the user looks at, and each view keeps its state (expansion, selection).
 */
final class SnapshotTabs extends TabPane {
    static final String OVERVIEW = "tab-overview";
    static final String MODULES = "tab-modules";

    private ModulesPane modulesPane;

    SnapshotTabs(Path file, OpenSnapshot.Loaded loaded) {
        setId("snapshot-tabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        getTabs().addAll(
                lazyTab(OVERVIEW, "Overview", Feather.INFO, () -> new SnapshotSummaryPane(file, loaded.info())),
                lazyTab(MODULES, "Modules", Feather.PACKAGE, () -> {
                    modulesPane = new ModulesPane(loaded.modules(), loaded.analysis());
                    return modulesPane;
                }));
    }

    /** The Modules view, or {@code null} until its tab was first shown. */
    ModulesPane modulesPane() {
        return modulesPane;
    }

    /** Shows the tab with this id ({@link #OVERVIEW}, {@link #MODULES}). */
    void show(String tabId) {
        getTabs().stream().filter(tab -> tabId.equals(tab.getId())).findFirst()
                .ifPresent(tab -> getSelectionModel().select(tab));
    }

    private static Tab lazyTab(String id, String title, Feather icon, Supplier<Node> content) {
        Tab tab = new Tab(title);
        tab.setId(id);
        tab.setGraphic(new FontIcon(icon));
        // The tab pane selects its first tab as the tabs are added, which fills it too.
        tab.selectedProperty().addListener((observable, was, now) -> {
            if (now && tab.getContent() == null) {
                tab.setContent(content.get());
            }
        });
        return tab;
    }
}
