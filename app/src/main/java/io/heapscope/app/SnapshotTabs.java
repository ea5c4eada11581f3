package io.heapscope.app;

import io.heapscope.views.comparison.ComparedSnapshot;
import io.heapscope.views.comparison.ComparisonPane;
import io.heapscope.views.containment.ContainmentPane;
import io.heapscope.views.details.DetailsPane;
import io.heapscope.views.dominators.DominatorsPane;
import io.heapscope.views.heap.HeapClasses;
import io.heapscope.views.heap.NodeView;
import io.heapscope.views.modules.ModulesPane;
import io.heapscope.views.retainers.RetainersPane;
import io.heapscope.views.snapshot.SnapshotSummaryPane;
import io.heapscope.views.statistics.StatisticsPane;
import io.heapscope.views.summary.SummaryPane;
import io.heapscope.views.task.ModelTask;
import io.heapscope.views.task.WorkerPane;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.collections.ObservableList;
import javafx.concurrent.Worker;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The views of one loaded snapshot: one tab each (Summary first, as DevTools opens a snapshot, then Containment,
 * Dominators, Statistics, Modules, Comparison and the Overview of the file) above the Retainers and Details tool
 * windows, which follow the object selected in the current tab. A tab's content is
 * built the first time the tab is shown, then kept, so opening a snapshot pays only for what the user looks at, and
 * each view keeps its state (expansion, selection). The Summary's and Statistics' class names are computed once,
 * off the FX thread, as soon as the tabs are made.
 */
final class SnapshotTabs extends SplitPane {
    static final String SUMMARY = "tab-summary";
    static final String CONTAINMENT = "tab-containment";
    static final String DOMINATORS = "tab-dominators";
    static final String STATISTICS = "tab-statistics";
    static final String MODULES = "tab-modules";
    static final String COMPARISON = "tab-comparison";
    static final String OVERVIEW = "tab-overview";
    /** The share of the height the tabs take at first; the Retainers tool window has the rest. */
    private static final double TABS_SHARE = 0.68;
    /** The share of the bottom's width the Retainers take at first; the Details tool window has the rest. */
    private static final double RETAINERS_SHARE = 0.7;

    private final TabPane tabs = new TabPane();
    private final RetainersPane retainers;
    private final DetailsPane details;
    private final ModelTask<HeapClasses> classes;
    private final SplitPane toolWindows;
    /** Told of each object selected in a view, with the view's tab id: the window's Back and Forward. */
    private ObjIntConsumer<String> onSelection = (tabId, node) -> { };
    /** The selection of each built tab, by tab id: what the tool windows follow. */
    private final Map<String, ReadOnlyIntegerProperty> selections = new HashMap<>();
    private SummaryPane summaryPane;
    private ContainmentPane containmentPane;
    private DominatorsPane dominatorsPane;
    private StatisticsPane statisticsPane;
    private ModulesPane modulesPane;
    private String actionsRuntime;
    private ModulesPane.ModuleActionHandler moduleActions;
    private ComparisonPane comparisonPane;

    /**
     * @param loadedSnapshots every loaded snapshot of the window (this one among them), the bases a comparison can
     *                        choose from
     * @param work            where comparisons and the class names run, off the FX thread
     */
    SnapshotTabs(Path file, OpenSnapshot.Loaded loaded, ComparedSnapshot self,
                 ObservableList<ComparedSnapshot> loadedSnapshots, Executor work) {
        retainers = new RetainersPane(loaded.analysis());
        retainers.setId("retainers");
        details = new DetailsPane(loaded.analysis());
        details.setId("details");
        details.setOnNodeChosen(this::reveal);
        classes = new ModelTask<>("Naming classes", monitor -> HeapClasses.compute(loaded.analysis(), monitor));
        work.execute(classes);

        tabs.setId("snapshot-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                lazyTab(SUMMARY, "Summary", Feather.LIST, () -> new WorkerPane<>(classes, computed -> {
                    summaryPane = new SummaryPane(loaded.analysis(), computed);
                    return follow(SUMMARY, summaryPane.selectedNodeProperty(), summaryPane);
                })),
                lazyTab(CONTAINMENT, "Containment", Feather.GIT_MERGE, () -> {
                    containmentPane = new ContainmentPane(loaded.analysis());
                    return follow(CONTAINMENT, containmentPane.selectedNodeProperty(), containmentPane);
                }),
                lazyTab(DOMINATORS, "Dominators", Feather.GIT_BRANCH, () -> {
                    dominatorsPane = new DominatorsPane(loaded.analysis());
                    return follow(DOMINATORS, dominatorsPane.selectedNodeProperty(), dominatorsPane);
                }),
                lazyTab(STATISTICS, "Statistics", Feather.PIE_CHART, () -> new WorkerPane<>(classes, computed ->
                        statisticsPane = new StatisticsPane(computed.statistics()))),
                lazyTab(MODULES, "Modules", Feather.PACKAGE, () -> {
                    modulesPane = new ModulesPane(loaded.modules(), loaded.analysis());
                    modulesPane.setModuleActions(actionsRuntime, moduleActions);
                    return follow(MODULES, modulesPane.selectedNodeProperty(), modulesPane);
                }),
                lazyTab(COMPARISON, "Comparison", Feather.GIT_PULL_REQUEST, () -> {
                    comparisonPane = new ComparisonPane(self, loadedSnapshots, work);
                    return follow(COMPARISON, comparisonPane.selectedNodeProperty(), comparisonPane);
                }),
                lazyTab(OVERVIEW, "Overview", Feather.INFO, () -> new SnapshotSummaryPane(file, loaded.info())));
        // Back on a tab, the tool windows follow its selection again; a tab with none leaves them as they are.
        tabs.getSelectionModel().selectedItemProperty().addListener((observable, old, now) -> {
            ReadOnlyIntegerProperty selection = now == null ? null : selections.get(now.getId());
            if (selection != null && selection.get() >= 0) {
                showSelected(selection.get());
            }
        });

        // The tool windows share the bottom, so the tabs keep the window's full width for their headers and trees.
        SplitPane bottom = new SplitPane(retainers, details);
        toolWindows = bottom;
        bottom.setId("snapshot-tool-windows");
        SplitPane.setResizableWithParent(details, false);
        bottom.setDividerPositions(RETAINERS_SHARE);
        setOrientation(Orientation.VERTICAL);
        getItems().addAll(tabs, bottom);
        // The tool windows keep their height when the window grows; the tabs take the change.
        SplitPane.setResizableWithParent(bottom, false);
        setDividerPositions(TABS_SHARE);
    }

    /** The Retainers and Details side by side, below the tabs. */
    SplitPane toolWindows() {
        return toolWindows;
    }

    /** The work naming the classes (the Summary's rows), which may still run; what the search looks through. */
    Worker<HeapClasses> classes() {
        return classes;
    }

    /** The base the Comparison view compares with, or {@code null} (none chosen, or the view never opened). */
    ComparedSnapshot comparisonBase() {
        return comparisonPane == null || comparisonPane.comparisonProperty().get() == null ? null
                : comparisonPane.comparisonProperty().get().base();
    }

    /** Calls {@code listener} with the tab id and node of each object selected in a view. */
    void setOnSelection(ObjIntConsumer<String> listener) {
        onSelection = listener;
    }

    /** The id of the tab shown ({@link #SUMMARY}, ...). */
    String currentTab() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        return tab == null ? null : tab.getId();
    }

    /** Shows the tab {@code tabId} and selects {@code node} in it (in the Summary if that view cannot show it). */
    void reveal(String tabId, int node) {
        show(tabId);
        reveal(node);
    }

    /** The Summary with its filter set to {@code className}, as a search result shows a class. */
    void showClass(String className) {
        show(SUMMARY);
        whenSummaryReady(summary -> summary.filterClasses(className));
    }

    /**
     * Runs {@code action} on the Summary now, or when its class names are computed (after the tab has built it:
     * its listener was added first). Call after showing the Summary tab.
     */
    private void whenSummaryReady(java.util.function.Consumer<SummaryPane> action) {
        if (summaryPane != null) {
            action.accept(summaryPane);
            return;
        }
        javafx.beans.value.ChangeListener<Worker.State> once = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Worker.State> observable,
                                Worker.State old, Worker.State now) {
                if (now == Worker.State.SUCCEEDED || now == Worker.State.FAILED || now == Worker.State.CANCELLED) {
                    classes.stateProperty().removeListener(this);
                    if (summaryPane != null) {
                        action.accept(summaryPane);
                    }
                }
            }
        };
        classes.stateProperty().addListener(once);
    }

    /**
     * Puts the keyboard in the current view's filter field (Ctrl+F), its text selected for retyping; false if the
     * view has none. A view's filter is the text field whose id ends with {@code -filter}.
     */
    boolean focusFilter() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        Node content = tab == null ? null : tab.getContent();
        if (content == null) {
            return false;
        }
        for (Node node : content.lookupAll(".text-field")) {
            if (node instanceof TextField field && field.getId() != null && field.getId().endsWith("-filter")
                    && field.isVisible() && !field.isDisabled()) {
                field.requestFocus();
                field.selectAll();
                return true;
            }
        }
        return false;
    }

    /** The Summary view, or {@code null} until its tab was first shown and the class names are computed. */
    SummaryPane summaryPane() {
        return summaryPane;
    }

    ContainmentPane containmentPane() {
        return containmentPane;
    }

    DominatorsPane dominatorsPane() {
        return dominatorsPane;
    }

    StatisticsPane statisticsPane() {
        return statisticsPane;
    }

    /** The Modules view, or {@code null} until its tab was first shown. */
    /** Offers module actions in the Modules view, run in the runtime this snapshot came from; null removes them. */
    void setModuleActions(String runtimeName, ModulesPane.ModuleActionHandler handler) {
        actionsRuntime = runtimeName;
        moduleActions = handler;
        if (modulesPane != null) {
            modulesPane.setModuleActions(runtimeName, handler);
        }
    }

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

    /** The Details tool window, right of the Retainers. */
    DetailsPane detailsPane() {
        return details;
    }

    /** Shows the tab with this id ({@link #SUMMARY}, {@link #MODULES}, ...). */
    void show(String tabId) {
        tabs.getTabs().stream().filter(tab -> tabId.equals(tab.getId())).findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab));
    }

    /**
     * Shows {@code node} where the user is: in the current tab if it is a view of objects, else in the Summary
     * (once its classes are named). A Details link does this.
     */
    void reveal(int node) {
        Node content = tabs.getSelectionModel().getSelectedItem().getContent();
        if (content instanceof WorkerPane<?> pending) {
            content = pending.content();
        }
        if (content instanceof NodeView view && view.reveal(node)) {
            return;
        }
        show(SUMMARY);
        whenSummaryReady(summary -> summary.reveal(node));
    }

    /** Makes the Retainers and Details follow a view's selection while its tab is the current one. */
    private Node follow(String tabId, ReadOnlyIntegerProperty selection, Node view) {
        selections.put(tabId, selection);
        selection.addListener((observable, old, now) -> {
            showSelected(now.intValue());
            if (now.intValue() >= 0) {
                onSelection.accept(tabId, now.intValue());
            }
        });
        return view;
    }

    private void showSelected(int node) {
        if (node != retainers.shownNode()) {
            retainers.show(node);
        }
        if (node != details.shownNode()) {
            details.show(node);
        }
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
