package io.heapscope.app;

import io.heapscope.views.comparison.ComparedSnapshot;
import io.heapscope.views.comparison.ComparisonPane;
import io.heapscope.views.modules.ModulesPane;
import io.heapscope.views.snapshot.SnapshotSummaryPane;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The views of one loaded snapshot, one tab each: Overview, Modules and Comparison for now; Summary, Containment,
 * Dominators and Statistics join them. A tab's content is built the first time the tab is shown, then kept, so
 * opening a snapshot pays only for what the user looks at, and each view keeps its state (expansion, selection).
 */
final class SnapshotTabs extends TabPane {
    static final String OVERVIEW = "tab-overview";
    static final String MODULES = "tab-modules";
    static final String COMPARISON = "tab-comparison";

    private ModulesPane modulesPane;
    private ComparisonPane comparisonPane;

    /**
     * @param loadedSnapshots every loaded snapshot of the window (this one among them), the bases a comparison can
     *                        choose from
     * @param work            where comparisons run, off the FX thread
     */
    SnapshotTabs(Path file, OpenSnapshot.Loaded loaded, ComparedSnapshot self,
                 ObservableList<ComparedSnapshot> loadedSnapshots, Executor work) {
        setId("snapshot-tabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        getTabs().addAll(
                lazyTab(OVERVIEW, "Overview", Feather.INFO, () -> new SnapshotSummaryPane(file, loaded.info())),
                lazyTab(MODULES, "Modules", Feather.PACKAGE, () -> {
                    modulesPane = new ModulesPane(loaded.modules(), loaded.analysis());
                    return modulesPane;
                }),
                lazyTab(COMPARISON, "Comparison", Feather.GIT_PULL_REQUEST, () -> {
                    comparisonPane = new ComparisonPane(self, loadedSnapshots, work);
                    return comparisonPane;
                }));
    }

    /** The Modules view, or {@code null} until its tab was first shown. */
    ModulesPane modulesPane() {
        return modulesPane;
    }

    /** The Comparison view, or {@code null} until its tab was first shown. */
    ComparisonPane comparisonPane() {
        return comparisonPane;
    }

    /** Shows the tab with this id ({@link #OVERVIEW}, {@link #MODULES}, {@link #COMPARISON}). */
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
