package io.heapscope.views.modules;

import io.heapscope.views.tree.PagedTreeItem;
import io.heapscope.model.format.HeapText;
import atlantafx.base.theme.Styles;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.Retainers.Hop;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.modules.JsModule;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.modules.ModuleState;
import io.heapscope.model.modules.ZombieGroup;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The zombies grouped by file ({@code hot.js × 20, 2.1 MB, 20 leaked}), each group expandable to its zombies, and
 * below the list the chain that holds the selected zombie (for a group, its first zombie's). Without zombies, a
 * short all-clear instead.
 */
final class ZombiesPane extends VBox {
    /** A row of the zombie list. */
    sealed interface ZombieRow {
        record GroupRow(ZombieGroup group) implements ZombieRow {
        }

        record ZombieModuleRow(JsModule module) implements ZombieRow {
        }

        record MoreRow(int remaining) implements ZombieRow {
        }
    }

    private final ModuleGraph modules;
    private final HeapGraph graph;
    private final TreeView<ZombieRow> list = new TreeView<>();
    private final Label chainTitle = new Label();
    private final Label transientNote = new Label("transient (only stack/handle roots hold it): it goes away when "
            + "the code that holds it returns; not a leak", new FontIcon(Feather.CLOCK));
    private final RetainerChain chain;

    /** {@code select} is told the node of each zombie or chain object the user selects. */
    ZombiesPane(ModuleGraph modules, HeapAnalysis analysis, IntConsumer select) {
        this.modules = modules;
        this.graph = analysis.graph();
        this.chain = new RetainerChain(graph, select);
        getStyleClass().add("zombies-pane");
        setSpacing(8);

        int zombieCount = modules.inState(ModuleState.ZOMBIE).size();
        Label title = new Label(zombieCount == 0 ? "Zombies" : "Zombies by file");
        title.getStyleClass().add(Styles.TITLE_4);
        getChildren().add(title);
        if (zombieCount == 0) {
            getChildren().add(allClear());
            return;
        }

        list.setId("zombie-groups");
        list.getStyleClass().add(Styles.DENSE);
        list.setShowRoot(false);
        list.setCellFactory(view -> new ZombieCell());
        TreeItem<ZombieRow> root = new TreeItem<>();
        for (ZombieGroup group : modules.zombieGroups()) {
            root.getChildren().add(new PagedTreeItem<>(new ZombieRow.GroupRow(group), group.modules().size(),
                    i -> new TreeItem<>(new ZombieRow.ZombieModuleRow(modules.module(group.modules().get(i)))),
                    ZombieRow.MoreRow::new));
        }
        list.setRoot(root);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setMinHeight(80);

        chainTitle.setId("zombie-chain-title");
        chainTitle.getStyleClass().add(Styles.TEXT_BOLD);
        chainTitle.setWrapText(true);
        transientNote.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        transientNote.setWrapText(true);
        transientNote.managedProperty().bind(transientNote.visibleProperty());
        chain.setId("zombie-chain");
        getChildren().addAll(list, chainTitle, transientNote, chain);

        list.getSelectionModel().selectedItemProperty().addListener((observable, old, now) -> showChain(now));
        // Open on the biggest group, its typical chain showing: what a user looks at first.
        TreeItem<ZombieRow> first = root.getChildren().get(0);
        first.setExpanded(true);
        list.getSelectionModel().select(first);
        // Only what the user selects from here on goes out; the first selection above is just the default view.
        list.getSelectionModel().selectedItemProperty().addListener((observable, old, now) -> {
            if (now != null && now.getValue() instanceof ZombieRow.ZombieModuleRow zombie) {
                select.accept(zombie.module().node());
            }
        });
    }

    TreeView<ZombieRow> list() {
        return list;
    }

    RetainerChain chain() {
        return chain;
    }

    private VBox allClear() {
        Label message = new Label("No zombie modules", new FontIcon(Feather.CHECK_CIRCLE));
        message.setId("zombies-none");
        message.getStyleClass().addAll(Styles.SUCCESS, Styles.TEXT_BOLD);
        Label detail = new Label("Every module dropped from its loader's cache has been let go.");
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        detail.setWrapText(true);
        return new VBox(4, message, detail);
    }

    private void showChain(TreeItem<ZombieRow> item) {
        ZombieRow row = item == null ? null : item.getValue();
        JsModule zombie = null;
        String suffix = "";
        if (row instanceof ZombieRow.ZombieModuleRow z) {
            zombie = z.module();
        } else if (row instanceof ZombieRow.GroupRow g) {
            zombie = modules.module(g.group().modules().get(0));
            suffix = g.group().modules().size() > 1 ? " (the first of " + g.group().modules().size() + ")" : "";
        }
        if (zombie == null) {
            chainTitle.setText("Select a zombie to see what holds it");
            transientNote.setVisible(false);
            chain.show(List.of());
            return;
        }
        chainTitle.setText("What holds " + HeapText.shortModuleName(zombie.name()) + " @"
                + graph.nodeId(zombie.node()) + suffix);
        transientNote.setVisible(modules.isTransient(zombie.index()));
        List<Hop> path = modules.retainerPath(zombie.index());
        chain.show(path);
        if (path.isEmpty()) {
            chainTitle.setText(chainTitle.getText() + ": nothing on a path from the root");
        }
    }

    /** A group ({@code hot.js × 20}, size and leak count), a zombie ({@code hot.js @84413}, size), or more. */
    private final class ZombieCell extends TreeCell<ZombieRow> {
        private final FontIcon icon = new FontIcon(Feather.ALERT_TRIANGLE);
        private final Label name = new Label();
        private final Label detail = new Label();
        private final Label tag = new Label("transient");
        private final Hyperlink more = new Hyperlink();
        private final HBox box = new HBox(6, icon, name, detail, tag, more);
        private final Tooltip tooltip = new Tooltip();

        ZombieCell() {
            icon.getStyleClass().add("state-icon");
            StateLook.show(icon, ModuleState.ZOMBIE);
            detail.getStyleClass().add(Styles.TEXT_MUTED);
            detail.setMinWidth(Region.USE_PREF_SIZE);
            name.setMinWidth(0);
            tag.getStyleClass().addAll("transient-tag", Styles.TEXT_SMALL);
            tag.setMinWidth(Region.USE_PREF_SIZE);
            box.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().forEach(node -> node.managedProperty().bind(node.visibleProperty()));
            more.setOnAction(event -> {
                if (getTreeItem() != null && getTreeItem().getParent() instanceof PagedTreeItem<ZombieRow> parent) {
                    parent.showMore();
                }
            });
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            // A long file name is cut rather than widening the list past its pane.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ZombieRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setGraphic(box);
            icon.setVisible(row instanceof ZombieRow.GroupRow);
            name.setVisible(!(row instanceof ZombieRow.MoreRow));
            more.setVisible(row instanceof ZombieRow.MoreRow);
            tag.setVisible(false);
            name.getStyleClass().remove(Styles.TEXT_BOLD);
            if (row instanceof ZombieRow.GroupRow g) {
                ZombieGroup group = g.group();
                name.setText(HeapText.shortModuleName(group.name()) + " × " + group.modules().size());
                name.getStyleClass().add(Styles.TEXT_BOLD);
                detail.setText(ByteSizes.human(group.retainedSize()) + ", " + group.leakedCount() + " leaked");
                tooltip.setText(group.name() + "\n" + group.modules().size() + " zombies retaining "
                        + ByteSizes.grouped(group.retainedSize()) + " bytes together; " + group.leakedCount()
                        + " held by more than the stack or handle scopes");
                setTooltip(tooltip);
            } else if (row instanceof ZombieRow.ZombieModuleRow z) {
                JsModule zombie = z.module();
                name.setText(HeapText.shortModuleName(zombie.name()) + " @" + graph.nodeId(zombie.node()));
                detail.setText(ByteSizes.human(zombie.retainedSize()));
                tag.setVisible(modules.isTransient(zombie.index()));
                tooltip.setText(zombie.name() + "\n" + ByteSizes.grouped(zombie.retainedSize()) + " bytes retained"
                        + (modules.isTransient(zombie.index()) ? "\ntransient (only stack/handle roots hold it)"
                        : ""));
                setTooltip(tooltip);
            } else if (row instanceof ZombieRow.MoreRow m) {
                more.setText("Show " + Math.min(m.remaining(), PagedTreeItem.PAGE_SIZE) + " more");
                detail.setText("(" + ByteSizes.grouped(m.remaining()) + " not shown)");
                setTooltip(null);
            }
        }
    }
}
