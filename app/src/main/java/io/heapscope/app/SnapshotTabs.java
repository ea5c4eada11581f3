package io.heapscope.app;

import io.heapscope.views.comparison.ComparedSnapshot;
import io.heapscope.views.comparison.ComparisonPane;
import io.heapscope.views.modules.ModulesPane;
import io.heapscope.views.retainers.RetainersPane;
import io.heapscope.views.snapshot.SnapshotSummaryPane;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The views of one loaded snapshot: one tab each (Overview, Modules and Comparison for now; Summary, Containment,
 * Dominators and Statistics join them) above the Retainers tool window, which shows who holds the object selected in
 * the current tab. A tab's content is built the first time the tab is shown, then kept, so opening a snapshot pays
 * only for what the user looks at, and each view keeps its state (expansion, selection).
 */
final class SnapshotTabs extends SplitPane {
    static final String OVERVIEW = "tab-overview";
    static final String MODULES = "tab-modules";
    static final String COMPARISON = "tab-comparison";
    /** The share of the height the tabs take at first; the Retainers tool window has the rest. */
    private static final double TABS_SHARE = 0.7;

    private final TabPane tabs = new TabPane();
    private final RetainersPane retainers;
    private ModulesPane modulesPane;
    private ComparisonPane comparisonPane;

    /**
     * @param loadedSnapshots every loaded snapshot of the window (this one among them), the bases a comparison can
     *                        choose from
     * @param work            where comparisons run, off the FX thread
     */
    SnapshotTabs(Path file, OpenSnapshot.Loaded loaded, ComparedSnapshot self,
                 ObservableList<ComparedSnapshot> loadedSnapshots, Executor work) {
        retainers = new RetainersPane(loaded.analysis());
        retainers.setId("retainers");
        tabs.setId("snapshot-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                lazyTab(OVERVIEW, "Overview", Feather.INFO, () -> new SnapshotSummaryPane(file, loaded.info())),
                lazyTab(MODULES, "Modules", Feather.PACKAGE, () -> {
                    modulesPane = new ModulesPane(loaded.modules(), loaded.analysis());
                    modulesPane.selectedNodeProperty().addListener((observable, old, now) ->
                            retainers.show(now.intValue()));
                    return modulesPane;
                }),
                lazyTab(COMPARISON, "Comparison", Feather.GIT_PULL_REQUEST, () -> {
                    comparisonPane = new ComparisonPane(self, loadedSnapshots, work);
                    comparisonPane.selectedNodeProperty().addListener((observable, old, now) ->
                            retainers.show(now.intValue()));
                    return comparisonPane;
                }));
        // Back on a tab, the Retainers follow its selection again; a tab with none leaves them as they are.
        tabs.getSelectionModel().selectedItemProperty().addListener((observable, old, now) -> {
            int node = now == null ? -1 : switch (now.getId()) {
                case MODULES -> modulesPane == null ? -1 : modulesPane.getSelectedNode();
                case COMPARISON -> comparisonPane == null ? -1 : comparisonPane.getSelectedNode();
                default -> -1;
            };
            if (node >= 0 && node != retainers.shownNode()) {
                retainers.show(node);
            }
        });

        setOrientation(Orientation.VERTICAL);
        getItems().addAll(tabs, retainers);
        // A tool window keeps its height when the window grows; the tabs take the change.
        SplitPane.setResizableWithParent(retainers, false);
        setDividerPositions(TABS_SHARE);
    }

    /** The Modules view, or {@code null} until its tab was first shown. */
    ModulesPane modulesPane() {
        return modulesPane;
    }

    /** The Comparison view, or {@code null} until its tab was first shown. */
    ComparisonPane comparisonPane() {
        return comparisonPane;
    }

    /** The Retainers tool window below the tabs. */
    RetainersPane retainersPane() {
        return retainers;
    }

    /** Shows the tab with this id ({@link #OVERVIEW}, {@link #MODULES}, {@link #COMPARISON}). */
    void show(String tabId) {
        tabs.getTabs().stream().filter(tab -> tabId.equals(tab.getId())).findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab));
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
