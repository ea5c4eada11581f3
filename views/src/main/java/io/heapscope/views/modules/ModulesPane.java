package io.heapscope.views.modules;

import atlantafx.base.theme.Styles;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.format.HeapText;
import io.heapscope.model.modules.JsModule;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.modules.ModuleKind;
import io.heapscope.model.modules.ModuleState;
import io.heapscope.model.modules.StateTotal;
import io.heapscope.model.runtime.ModuleAction;
import io.heapscope.views.export.MarkdownCopy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Modules view of one snapshot, over its {@link ModuleGraph}: totals per state and the zombie count on top; the
 * module tree (main module through {@code children}, then the roots it does not reach: other CommonJS roots, ES
 * modules with their imports, vm modules by context) above; the zombies by file with the chain that holds each, and
 * a chart of the modules retaining most, below. A snapshot without modules (a browser's) shows a short explanation
 * instead.
 *
 * <p>Cheap to build on the FX thread: one pass over the modules; tree rows are made as branches open, a page at a
 * time. The heap graph is only read for names and ids.
 */
public final class ModulesPane extends BorderPane {
    public static final String STYLE_CLASS = "modules-pane";

    private final ReadOnlyIntegerWrapper selectedNode = new ReadOnlyIntegerWrapper(this, "selectedNode", -1);
    private final ModuleTreeTable tree;
    private final ZombiesPane zombies;
    private final TopModulesChart chart;

    public ModulesPane(ModuleGraph modules, HeapAnalysis analysis) {
        Objects.requireNonNull(modules, "modules");
        Objects.requireNonNull(analysis, "analysis");
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(Objects.requireNonNull(ModulesPane.class.getResource("modules.css")).toExternalForm());

        if (modules.isEmpty()) {
            tree = null;
            zombies = null;
            chart = null;
            setCenter(emptyState());
            return;
        }

        tree = new ModuleTreeTable(modules, analysis);
        tree.view().getSelectionModel().selectedItemProperty().addListener((observable, old, now) -> {
            if (now != null && now.getValue() != null) {
                selectedNode.set(now.getValue().node());
            }
        });
        zombies = new ZombiesPane(modules, analysis, selectedNode::set);
        chart = new TopModulesChart(modules, analysis.graph(), selectedNode::set);

        setTop(header(modules));
        Label chartTitle = new Label("Largest modules by retained size");
        chartTitle.getStyleClass().add(Styles.TITLE_4);
        VBox chartBox = new VBox(8, chartTitle, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        chartBox.getStyleClass().add("modules-section");
        zombies.getStyleClass().add("modules-section");

        SplitPane below = new SplitPane(zombies, chartBox);
        below.setDividerPositions(0.5);
        SplitPane split = new SplitPane(tree.view(), below);
        split.setId("modules-split");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setCenter(split);
    }

    /**
     * The heap node (ordinal) of what the user last selected here: a module in the tree or the zombie list, a vm
     * context, an object of a retainer chain, or a bar of the chart; {@code -1} before any selection and for rows
     * that stand for no object (a group heading). Meant for the window's Retainers and Details tool windows.
     */
    public ReadOnlyIntegerProperty selectedNodeProperty() {
        return selectedNode.getReadOnlyProperty();
    }

    public int getSelectedNode() {
        return selectedNode.get();
    }

    /** Runs a module action in the live runtime the snapshot was taken from. */
    @FunctionalInterface
    public interface ModuleActionHandler {
        void run(JsModule module, ModuleAction action);
    }

    /**
     * Offers the module actions (delete, detach, clear cache, reload) in the tree's context menu for CommonJS modules,
     * run by {@code handler} in the runtime named {@code runtimeName}; {@code null} removes them (the runtime went
     * away). Only snapshots taken from a connected runtime get them: a file has no process to act on.
     */
    public void setModuleActions(String runtimeName, ModuleActionHandler handler) {
        if (tree == null) {
            return;
        }
        if (handler == null) {
            tree.view().setContextMenu(null);
            MarkdownCopy.install(tree.view(), MarkdownCopy.COPY_TEXT, tree.copyMarkdown(), false);
            return;
        }
        ContextMenu menu = new ContextMenu();
        menu.setId("module-actions");
        menu.setOnShowing(event -> {
            menu.getItems().clear();
            TreeItem<ModuleTreeRow> selected = tree.view().getSelectionModel().getSelectedItem();
            if (selected == null || !(selected.getValue() instanceof ModuleTreeRow.ModuleRow row)
                    || row.module().kind() != ModuleKind.CJS) {
                MenuItem none = new MenuItem("Select a CommonJS module to act on it in " + runtimeName);
                none.setDisable(true);
                menu.getItems().add(none);
            } else {
                for (ModuleAction action : ModuleAction.values()) {
                    MenuItem item = new MenuItem(action.label() + " " + HeapText.shortModuleName(
                            row.module().name()) + " in " + runtimeName);
                    item.setOnAction(e -> handler.run(row.module(), action));
                    menu.getItems().add(item);
                }
            }
            menu.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(),
                    MarkdownCopy.menuItem(MarkdownCopy.COPY_TEXT, tree.copyMarkdown()));
        });
        // A placeholder so the menu shows at all; onShowing fills it for the selected row.
        menu.getItems().add(new MenuItem());
        tree.view().setContextMenu(menu);
    }

    /**
     * Selects the first tree row of module {@code index}, opening the branches above it; false if the tree has no
     * such row (a snapshot without modules, or a module below a "more" row not shown yet). Searches breadth first,
     * so the row nearest the top (main's own child before a deeper repeat) wins.
     */
    public boolean selectModule(int index) {
        if (tree == null) {
            return false;
        }
        Deque<TreeItem<ModuleTreeRow>> todo = new ArrayDeque<>(tree.view().getRoot().getChildren());
        while (!todo.isEmpty()) {
            TreeItem<ModuleTreeRow> item = todo.removeFirst();
            if (item.getValue() instanceof ModuleTreeRow.ModuleRow row && !row.cycle()) {
                if (row.module().index() == index) {
                    for (TreeItem<ModuleTreeRow> up = item.getParent(); up != null; up = up.getParent()) {
                        up.setExpanded(true);
                    }
                    tree.view().getSelectionModel().select(item);
                    tree.view().scrollTo(tree.view().getRow(item));
                    return true;
                }
                todo.addAll(item.getChildren());
            } else if (item.getValue() instanceof ModuleTreeRow.GroupRow) {
                todo.addAll(item.getChildren());
            }
        }
        return false;
    }

    /** The module tree; {@code null} for a snapshot without modules. */
    TreeTableView<ModuleTreeRow> tree() {
        return tree == null ? null : tree.view();
    }

    ZombiesPane zombies() {
        return zombies;
    }

    TopModulesChart chart() {
        return chart;
    }

    private static VBox header(ModuleGraph modules) {
        Label title = new Label(ByteSizes.grouped(modules.modules().size())
                + (modules.modules().size() == 1 ? " module" : " modules"));
        title.setId("modules-title");
        title.getStyleClass().add(Styles.TITLE_4);
        Label kinds = new Label(kinds(modules));
        kinds.getStyleClass().add(Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, title, kinds, spacer, zombieSummary(modules));
        top.setAlignment(Pos.BASELINE_LEFT);

        FlowPane totals = new FlowPane(8, 6);
        totals.setId("modules-totals");
        for (StateTotal total : modules.totals().values()) {
            Label chip = new Label(ByteSizes.grouped(total.count()) + " " + countable(total) + " · "
                    + ByteSizes.human(total.retainedSize()), StateLook.newIcon(total.state()));
            chip.getStyleClass().add("state-total");
            StateLook.show(chip, total.state());
            chip.setTooltip(new Tooltip(StateLook.meaning(total.state()) + "\n" + total.count() + " retaining "
                    + ByteSizes.grouped(total.retainedSize()) + " bytes together, nothing counted twice"));
            totals.getChildren().add(chip);
        }
        VBox header = new VBox(8, top, totals);
        header.getStyleClass().add("modules-header");
        header.setPadding(new Insets(12, 12, 10, 12));
        return header;
    }

    /** {@code 20 zombies}, {@code 2 anchors}; the states that are adjectives ({@code 2 cached}) stay as they are. */
    private static String countable(StateTotal total) {
        boolean noun = total.state() == ModuleState.ZOMBIE || total.state() == ModuleState.ANCHOR;
        return total.state().label() + (noun && total.count() != 1 ? "s" : "");
    }

    /** {@code 23 CommonJS, 4 ES, 20 vm}, leaving out the kinds that do not occur. */
    private static String kinds(ModuleGraph modules) {
        List<String> parts = new ArrayList<>();
        for (ModuleKind kind : ModuleKind.values()) {
            long count = modules.modules().stream().filter(m -> m.kind() == kind).count();
            if (count > 0) {
                parts.add(ByteSizes.grouped(count) + " " + switch (kind) {
                    case CJS -> "CommonJS";
                    case ESM -> "ES";
                    case VM -> "vm";
                });
            }
        }
        return String.join(", ", parts);
    }

    /** {@code 20 zombies, 20 leaked, 2.1 MB} in the danger colour; an all-clear when there are none. */
    private static Label zombieSummary(ModuleGraph modules) {
        List<JsModule> zombies = modules.inState(ModuleState.ZOMBIE);
        Label summary = new Label();
        summary.setId("modules-zombie-summary");
        summary.getStyleClass().add("zombie-summary");
        if (zombies.isEmpty()) {
            summary.setText("No zombies");
            summary.setGraphic(new FontIcon(Feather.CHECK_CIRCLE));
            summary.getStyleClass().add(Styles.SUCCESS);
            summary.setTooltip(new Tooltip("No module dropped from its loader's cache is still reachable"));
            return summary;
        }
        int leaked = modules.leakedZombieCount();
        long retained = modules.totals().get(ModuleState.ZOMBIE).retainedSize();
        summary.setText(zombies.size() + (zombies.size() == 1 ? " zombie, " : " zombies, ") + leaked + " leaked, "
                + ByteSizes.human(retained));
        summary.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        // Transient zombies go away by themselves: worth a look, not an alarm.
        summary.getStyleClass().addAll(leaked > 0 ? Styles.DANGER : Styles.WARNING, Styles.TEXT_BOLD);
        summary.setTooltip(new Tooltip("Modules dropped from their loader's cache but still reachable, retaining "
                + ByteSizes.grouped(retained) + " bytes together; " + leaked + " held by more than the stack or "
                + "open handle scopes"));
        return summary;
    }

    private static VBox emptyState() {
        FontIcon icon = new FontIcon(Feather.PACKAGE);
        icon.getStyleClass().add("empty-icon");
        Label title = new Label("No modules in this snapshot");
        title.getStyleClass().add(Styles.TITLE_3);
        Label text = new Label("It has no Node.js module loader: it is probably from a browser page, or from a "
                + "process that had loaded no module yet. The other views of the snapshot still apply.");
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.setWrapText(true);
        text.setMaxWidth(460);
        text.setAlignment(Pos.CENTER);
        text.setTextAlignment(TextAlignment.CENTER);
        VBox box = new VBox(12, icon, title, text);
        box.setId("modules-empty");
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(32));
        return box;
    }
}
