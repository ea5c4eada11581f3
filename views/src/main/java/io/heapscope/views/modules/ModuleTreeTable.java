package io.heapscope.views.modules;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.format.HeapText;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.modules.JsModule;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.modules.ModuleKind;
import io.heapscope.model.modules.ModuleState;
import io.heapscope.views.export.MarkdownCopy;
import io.heapscope.views.modules.ModuleForest.ContextRoots;
import io.heapscope.views.modules.ModuleTreeRow.GroupKind;
import io.heapscope.views.modules.ModuleTreeRow.GroupRow;
import io.heapscope.views.modules.ModuleTreeRow.ModuleRow;
import io.heapscope.views.modules.ModuleTreeRow.MoreRow;
import io.heapscope.views.tree.PagedTreeItem;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Modules tree: the main module with its children, then the roots it does not reach ({@link ModuleForest}),
 * in a tree table with the module's state, retained size (with a bar against the largest module), exports'
 * retained size and object id. Items are made as branches open, a page at a time ({@link PagedTreeItem}).
 */
final class ModuleTreeTable {
    private static final PseudoClass ZOMBIE = PseudoClass.getPseudoClass("zombie");
    private static final PseudoClass CYCLE = PseudoClass.getPseudoClass("cycle");
    private static final PseudoClass GROUP = PseudoClass.getPseudoClass("group");
    private static final PseudoClass MORE = PseudoClass.getPseudoClass("more");

    private final ModuleGraph modules;
    private final HeapGraph graph;
    private final ModuleItems items;
    private final long largest;
    private final TreeTableView<ModuleTreeRow> view = new TreeTableView<>();
    private final Supplier<String> copyMarkdown;

    ModuleTreeTable(ModuleGraph modules, HeapAnalysis analysis) {
        this.modules = modules;
        this.graph = analysis.graph();
        this.items = new ModuleItems(modules::module);
        this.largest = modules.modules().stream().mapToLong(JsModule::retainedSize).max().orElse(0);

        view.setId("modules-tree");
        view.getStyleClass().addAll("modules-tree", Styles.DENSE);
        view.setShowRoot(false);
        view.setRoot(roots(new ModuleForest(modules)));
        view.setRowFactory(table -> new Row());

        TreeTableColumn<ModuleTreeRow, ModuleTreeRow> name = column("Module", NameCell::new);
        TreeTableColumn<ModuleTreeRow, ModuleTreeRow> state = column("State", StateCell::new);
        TreeTableColumn<ModuleTreeRow, ModuleTreeRow> retained = column("Retained", RetainedCell::new);
        TreeTableColumn<ModuleTreeRow, ModuleTreeRow> exports = column("Exports retained", ExportsCell::new);
        TreeTableColumn<ModuleTreeRow, ModuleTreeRow> object = column("Object", ObjectCell::new);
        name.setId("modules-column-name");
        name.setPrefWidth(320);
        name.setMinWidth(180);
        state.setPrefWidth(130);
        state.setMinWidth(110);
        state.setMaxWidth(190);
        retained.setPrefWidth(170);
        retained.setMinWidth(150);
        retained.setMaxWidth(220);
        exports.setPrefWidth(150);
        exports.setMinWidth(150);
        exports.setMaxWidth(180);
        object.setPrefWidth(100);
        object.setMinWidth(90);
        object.setMaxWidth(140);
        retained.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        exports.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        view.getColumns().addAll(List.of(name, state, retained, exports, object));
        view.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        List<MarkdownCopy.Column<ModuleTreeRow>> copied = List.of(
                new MarkdownCopy.Column<>(name, row -> row instanceof ModuleRow m
                        ? HeapText.shortModuleName(m.module().name()) + (m.cycle() ? " (cycle)" : "")
                        : row instanceof GroupRow g ? g.title() + " (" + g.detail() + ")" : "", false),
                new MarkdownCopy.Column<>(state, row -> row instanceof ModuleRow m
                        ? (m.module().state() == ModuleState.ZOMBIE && modules.isTransient(m.module().index())
                        ? "zombie (transient)" : m.module().state().label()) : "", false),
                new MarkdownCopy.Column<>(retained, row -> {
                    long size = row instanceof ModuleRow m ? m.module().retainedSize()
                            : row instanceof GroupRow g ? g.retainedSize() : -1;
                    return size < 0 ? "" : ByteSizes.human(size);
                }, true),
                new MarkdownCopy.Column<>(exports, row -> !(row instanceof ModuleRow m) ? ""
                        : m.module().exportsNode() < 0 ? "–" : ByteSizes.human(m.module().exportsRetainedSize()),
                        true),
                new MarkdownCopy.Column<>(object, row -> row.node() < 0 ? "" : "@" + graph.nodeId(row.node()), false));
        copyMarkdown = () -> MarkdownCopy.selectedRows(view, copied, row -> !(row instanceof MoreRow));
        MarkdownCopy.install(view, copyMarkdown);
        // The short columns stop at their maximum; the module names take the rest.
        view.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    }

    /** The selected rows as Markdown (Copy as Markdown); {@code null} when none is selected. */
    Supplier<String> copyMarkdown() {
        return copyMarkdown;
    }

    TreeTableView<ModuleTreeRow> view() {
        return view;
    }

    private TreeItem<ModuleTreeRow> roots(ModuleForest forest) {
        TreeItem<ModuleTreeRow> root = new TreeItem<>();
        if (forest.main() >= 0) {
            root.getChildren().add(items.root(forest.main()));
        }
        if (!forest.commonJsRoots().isEmpty()) {
            root.getChildren().add(group(new GroupRow(GroupKind.COMMONJS_ROOTS,
                    forest.main() >= 0 ? "Other CommonJS roots" : "CommonJS roots",
                    modulesText(forest.commonJsCount()), -1, -1), forest.commonJsRoots()));
        }
        if (!forest.esRoots().isEmpty()) {
            root.getChildren().add(group(new GroupRow(GroupKind.ES_MODULES, "ES modules",
                    modulesText(forest.esCount()), -1, -1), forest.esRoots()));
        }
        List<ContextRoots> contexts = forest.vmContexts();
        if (!contexts.isEmpty()) {
            GroupRow vm = new GroupRow(GroupKind.VM_MODULES, "vm modules", modulesText(forest.vmCount()) + " in "
                    + contexts.size() + (contexts.size() == 1 ? " context" : " contexts"), -1, -1);
            root.getChildren().add(new PagedTreeItem<>(vm, contexts.size(), i -> contextItem(contexts.get(i)),
                    MoreRow::new));
        }
        // The main module's children and the groups are what one came for; deeper levels open on demand.
        root.getChildren().forEach(item -> item.setExpanded(true));
        return root;
    }

    private TreeItem<ModuleTreeRow> contextItem(ContextRoots context) {
        int node = context.context().contextNode();
        // "context @75171": the contextified object's name (Object) adds nothing; its tooltip has it.
        GroupRow row = new GroupRow(GroupKind.VM_CONTEXT, node < 0 ? "(no context)" : "context @"
                + graph.nodeId(node), modulesText(context.context().modules().size()), node,
                context.context().retainedSize());
        return group(row, context.roots());
    }

    private TreeItem<ModuleTreeRow> group(GroupRow row, List<Integer> roots) {
        return new PagedTreeItem<>(row, roots.size(), i -> items.root(roots.get(i)), MoreRow::new);
    }

    private static String modulesText(int count) {
        return ByteSizes.grouped(count) + (count == 1 ? " module" : " modules");
    }

    private static TreeTableColumn<ModuleTreeRow, ModuleTreeRow> column(String title,
            Supplier<TreeTableCell<ModuleTreeRow, ModuleTreeRow>> cell) {
        TreeTableColumn<ModuleTreeRow, ModuleTreeRow> column = new TreeTableColumn<>(title);
        column.setCellValueFactory(item -> new ReadOnlyObjectWrapper<>(item.getValue().getValue()));
        column.setCellFactory(c -> cell.get());
        // Children keep the order the program made them in (require order); sorting would lose that.
        column.setSortable(false);
        return column;
    }

    /** Marks zombie, cycle, group and "more" rows as pseudo-classes for {@code modules.css}. */
    private static final class Row extends TreeTableRow<ModuleTreeRow> {
        @Override
        protected void updateItem(ModuleTreeRow row, boolean empty) {
            super.updateItem(row, empty);
            boolean filled = !empty && row != null;
            pseudoClassStateChanged(ZOMBIE, filled && row instanceof ModuleRow m
                    && m.module().state() == ModuleState.ZOMBIE);
            pseudoClassStateChanged(CYCLE, filled && row instanceof ModuleRow m && m.cycle());
            pseudoClassStateChanged(GROUP, filled && row instanceof GroupRow);
            pseudoClassStateChanged(MORE, filled && row instanceof MoreRow);
        }
    }

    /** Base of the cells: one tooltip per cell, its text changed with the row; none on empty rows. */
    private abstract static class Cell extends TreeTableCell<ModuleTreeRow, ModuleTreeRow> {
        private final Tooltip tooltip = new Tooltip();

        @Override
        protected final void updateItem(ModuleTreeRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                clear();
            } else {
                show(row);
            }
        }

        /** Shows a filled row. */
        abstract void show(ModuleTreeRow row);

        /** Resets what {@link #show} set beyond text, graphic and tooltip. */
        void clear() {
        }

        void tooltip(String text) {
            if (text == null) {
                setTooltip(null);
            } else {
                tooltip.setText(text);
                setTooltip(tooltip);
            }
        }
    }

    /** The module's short name (full name in the tooltip), a group's title and count, or the "show more" link. */
    private final class NameCell extends Cell {
        private final FontIcon icon = new FontIcon(Feather.FOLDER);
        private final Label name = new Label();
        private final Label detail = new Label();
        private final Hyperlink more = new Hyperlink();
        private final HBox box = new HBox(6, icon, name, detail, more);

        NameCell() {
            icon.getStyleClass().add("group-icon");
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            detail.setMinWidth(Region.USE_PREF_SIZE);
            name.setMinWidth(0);
            HBox.setHgrow(name, Priority.SOMETIMES);
            box.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().forEach(node -> node.managedProperty().bind(node.visibleProperty()));
            more.setOnAction(event -> {
                TreeItem<ModuleTreeRow> item = getTableRow().getTreeItem();
                if (item != null && item.getParent() instanceof PagedTreeItem<ModuleTreeRow> parent) {
                    parent.showMore();
                }
            });
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        void show(ModuleTreeRow row) {
            setGraphic(box);
            icon.setVisible(row instanceof GroupRow);
            more.setVisible(row instanceof MoreRow);
            name.setVisible(!(row instanceof MoreRow));
            name.getStyleClass().remove(Styles.TEXT_BOLD);
            if (row instanceof ModuleRow m) {
                name.setText(HeapText.shortModuleName(m.module().name()));
                detail.setText(m.cycle() ? "(cycle)" : null);
                detail.setVisible(m.cycle());
                tooltip(m.module().name() + (m.cycle() ? "\nAlready shown higher on this branch: the modules "
                        + "require each other." : ""));
            } else if (row instanceof GroupRow g) {
                icon.setIconCode(switch (g.kind()) {
                    case COMMONJS_ROOTS -> Feather.FOLDER;
                    case ES_MODULES -> Feather.PACKAGE;
                    case VM_MODULES -> Feather.LAYERS;
                    case VM_CONTEXT -> Feather.BOX;
                });
                name.setText(g.title());
                name.getStyleClass().add(Styles.TEXT_BOLD);
                detail.setText(g.detail());
                detail.setVisible(true);
                tooltip(switch (g.kind()) {
                    case COMMONJS_ROOTS -> "CommonJS modules the main module does not reach through children: "
                            + "anchors (createRequire), and zombies or modules whose parent is elsewhere";
                    case ES_MODULES -> "ES modules the main module does not import, with what they import";
                    case VM_MODULES -> "vm.SourceTextModule and vm.SyntheticModule objects, by the context "
                            + "they were created in";
                    case VM_CONTEXT -> "The vm modules of one context, with what they import";
                });
            } else if (row instanceof MoreRow m) {
                more.setText("Show " + Math.min(m.remaining(), PagedTreeItem.PAGE_SIZE) + " more");
                detail.setText("(" + ByteSizes.grouped(m.remaining()) + " not shown)");
                detail.setVisible(true);
                tooltip(null);
            }
        }
    }

    /** The state's icon and name, coloured by state; a transient zombie says so. */
    private final class StateCell extends Cell {
        private final FontIcon icon = StateLook.newIcon(ModuleState.CACHED);

        StateCell() {
            getStyleClass().add("module-state");
        }

        @Override
        void show(ModuleTreeRow row) {
            if (row instanceof ModuleRow m) {
                ModuleState state = m.module().state();
                boolean transientZombie = state == ModuleState.ZOMBIE && modules.isTransient(m.module().index());
                icon.setIconCode(StateLook.icon(state));
                StateLook.show(icon, state);
                StateLook.show(this, state);
                setGraphic(icon);
                setText(transientZombie ? "zombie (transient)" : state.label());
                tooltip(transientZombie ? "transient (only stack/handle roots hold it): it goes away when the "
                        + "code that holds it returns" : StateLook.meaning(state));
            } else {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                clear();
            }
        }

        @Override
        void clear() {
            StateLook.show(this, null);
        }
    }

    /** The retained size, human-readable, with a bar against the largest module; exact bytes in the tooltip. */
    private final class RetainedCell extends Cell {
        private final SizeBar bar = new SizeBar();
        private final Label size = new Label();
        private final HBox box = new HBox(8, bar, size);

        RetainedCell() {
            size.setMaxWidth(Double.MAX_VALUE);
            size.setAlignment(Pos.CENTER_RIGHT);
            HBox.setHgrow(size, Priority.ALWAYS);
            box.setAlignment(Pos.CENTER_RIGHT);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        void show(ModuleTreeRow row) {
            long retained = row instanceof ModuleRow m ? m.module().retainedSize()
                    : row instanceof GroupRow g ? g.retainedSize() : -1;
            if (retained < 0) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            size.setText(ByteSizes.human(retained));
            // Groups have no bar: what a context retains is not one module's share.
            bar.setVisible(row instanceof ModuleRow);
            StateLook.show(bar, row instanceof ModuleRow m ? m.module().state() : null);
            bar.setShare(largest <= 0 ? 0 : (double) retained / largest);
            setGraphic(box);
            tooltip(ByteSizes.grouped(retained) + " bytes retained" + (largest > 0 && row instanceof ModuleRow
                    ? String.format(Locale.ROOT, " (%.1f%% of the largest module)", 100.0 * retained / largest)
                    : ""));
        }
    }

    /** What the module's {@code exports} retain; exact bytes in the tooltip. */
    private static final class ExportsCell extends Cell {
        @Override
        void show(ModuleTreeRow row) {
            if (row instanceof ModuleRow m && m.module().exportsNode() < 0) {
                // "0 B" would read as empty exports; there is no exports object to measure at all.
                setText("–");
                tooltip(m.module().kind() == ModuleKind.CJS ? "No module.exports object"
                        : "V8 made no namespace object for this module");
            } else if (row instanceof ModuleRow m) {
                long size = m.module().exportsRetainedSize();
                setText(ByteSizes.human(size));
                tooltip(ByteSizes.grouped(size) + " bytes retained by "
                        + (m.module().kind() == ModuleKind.CJS ? "module.exports" : "the module namespace"));
            } else {
                setText(null);
                setTooltip(null);
            }
        }
    }

    /** The module's object as {@code @id}, as DevTools names it. */
    private final class ObjectCell extends Cell {
        ObjectCell() {
            getStyleClass().add(Styles.TEXT_MUTED);
        }

        @Override
        void show(ModuleTreeRow row) {
            int node = row.node();
            setText(node < 0 ? null : "@" + graph.nodeId(node));
            tooltip(node < 0 ? null : HeapText.node(graph, node));
        }
    }
}
