package io.heapscope.views.comparison;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.heapscope.model.analysis.classes.ClassNames;
import io.heapscope.model.analysis.diff.DiffRow;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.format.HeapText;
import io.heapscope.model.modules.ModuleChange;
import io.heapscope.views.comparison.DiffItem.ClassItem;
import io.heapscope.views.comparison.DiffItem.GroupItem;
import io.heapscope.views.comparison.DiffItem.MoreItem;
import io.heapscope.views.comparison.DiffItem.ObjectItem;
import io.heapscope.views.export.MarkdownCopy;
import io.heapscope.views.task.ModelTask;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * DevTools' Comparison view for one target snapshot: choose a base among the other open snapshots, and see per
 * class the new and deleted objects (expandable to the objects themselves, a page at a time), then the module
 * diff. The comparison runs off the FX thread with a progress bar and Cancel; the target's class names are computed
 * with the first comparison and kept for the next.
 */
public final class ComparisonPane extends BorderPane {
    private static final double NUMBER_WIDTH = 100;

    private final ComparedSnapshot target;
    private final Executor executor;
    private final ComboBox<ComparedSnapshot> baseChoice = new ComboBox<>();
    private final TextField filter = new TextField();
    private final ProgressBar progress = new ProgressBar();
    private final Label status = new Label();
    private final Button cancel = new Button("Cancel");
    private final TreeTableView<DiffItem> classes = new TreeTableView<>();
    private final Label modulesTitle = new Label();
    private final TableView<ModuleChange> modules = new TableView<>();
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ModelTask<Comparison>> running = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper selectedNode = new ReadOnlyIntegerWrapper(this, "selectedNode", -1);
    private ClassNames targetClasses;
    private DiffTreeItems items;

    /**
     * @param snapshots the open snapshots; every one but {@code target} can be chosen as the base, and the list may
     *                  change while the view is shown
     */
    public ComparisonPane(ComparedSnapshot target, ObservableList<ComparedSnapshot> snapshots, Executor executor) {
        this.target = target;
        this.executor = executor;
        getStyleClass().add("comparison-pane");

        baseChoice.setId("comparison-base");
        baseChoice.setItems(new FilteredList<>(snapshots, snapshot -> snapshot != target));
        baseChoice.setPromptText("Choose a base snapshot");
        baseChoice.valueProperty().addListener((observable, old, now) -> {
            if (now != null) {
                compareWith(now);
            }
        });
        filter.setId("comparison-filter");
        filter.setPromptText("Filter classes");
        filter.textProperty().addListener((observable, old, now) -> showRows());
        progress.setPrefWidth(160);
        cancel.setOnAction(event -> {
            if (running.get() != null) {
                running.get().cancel();
            }
        });
        status.setId("comparison-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Label compared = new Label("Compared with");
        compared.setMinWidth(Region.USE_PREF_SIZE);
        status.setMinWidth(Region.USE_PREF_SIZE);
        baseChoice.setPrefWidth(240);
        HBox top = new HBox(8, compared, baseChoice, filter, spring, status, progress, cancel);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8));
        setTop(top);
        showIdle();

        buildClassTable();
        buildModuleTable();
        modulesTitle.setId("comparison-modules-title");
        modulesTitle.getStyleClass().add(Styles.TITLE_4);
        VBox moduleBox = new VBox(6, modulesTitle, modules);
        moduleBox.setPadding(new Insets(6, 8, 8, 8));
        VBox.setVgrow(modules, Priority.ALWAYS);
        SplitPane split = new SplitPane(classes, moduleBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        setCenter(split);
    }

    /** Compares the target with {@code base} (also what choosing it in the drop-down does). */
    public void compareWith(ComparedSnapshot base) {
        if (running.get() != null) {
            running.get().cancel();
        }
        if (baseChoice.getValue() != base) {
            baseChoice.setValue(base);
            return;
        }
        ModelTask<Comparison> task = new ModelTask<>("Comparing with " + base.title(), monitor -> {
            if (targetClasses == null) {
                targetClasses = ClassNames.compute(target.snapshot(), monitor);
            }
            return Comparison.compute(base, target, targetClasses, monitor);
        });
        progress.progressProperty().bind(task.progressProperty());
        status.textProperty().bind(task.messageProperty());
        progress.setVisible(true);
        cancel.setVisible(true);
        task.setOnSucceeded(event -> finished(task, task.getValue()));
        task.setOnFailed(event -> {
            finished(task, null);
            status.setText("Comparison failed: " + task.getException());
        });
        task.setOnCancelled(event -> finished(task, null));
        running.set(task);
        executor.execute(task);
    }

    private void finished(ModelTask<Comparison> task, Comparison result) {
        if (running.get() != task) {
            return;
        }
        running.set(null);
        if (result != null) {
            items = new DiffTreeItems(result);
            comparison.set(result);
            showRows();
            showModules(result);
        }
        showIdle();
    }

    private void showIdle() {
        progress.progressProperty().unbind();
        status.textProperty().unbind();
        progress.setVisible(false);
        cancel.setVisible(false);
        Comparison shown = comparison.get();
        status.setText(shown == null ? "" : shown.classes().rowCount() + " changed classes");
    }

    /** The comparison shown, {@code null} before the first one finishes. */
    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** The comparison being computed, {@code null} when none is. */
    public ReadOnlyObjectProperty<ModelTask<Comparison>> runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * The target snapshot's node (ordinal) of the selected new object; {@code -1} for any other row, deleted objects
     * included (they are the base snapshot's). Meant for the window's Retainers tool window.
     */
    public ReadOnlyIntegerProperty selectedNodeProperty() {
        return selectedNode.getReadOnlyProperty();
    }

    public int getSelectedNode() {
        return selectedNode.get();
    }

    TreeTableView<DiffItem> classTable() {
        return classes;
    }

    TableView<ModuleChange> moduleTable() {
        return modules;
    }

    Label modulesTitle() {
        return modulesTitle;
    }

    private void showRows() {
        Comparison shown = comparison.get();
        TreeItem<DiffItem> root = new TreeItem<>();
        if (shown != null) {
            String needle = filter.getText() == null ? "" : filter.getText().toLowerCase(Locale.ROOT);
            for (int row = 0; row < shown.classes().rowCount(); row++) {
                if (needle.isEmpty() || shown.classes().row(row).className().toLowerCase(Locale.ROOT).contains(needle)) {
                    root.getChildren().add(items.classItem(row));
                }
            }
        }
        classes.setRoot(root);
    }

    private void showModules(Comparison shown) {
        var diff = shown.modules();
        modulesTitle.setText(shown.base().modules().isEmpty() && shown.target().modules().isEmpty()
                ? "Modules: none in either snapshot"
                : "Modules: " + diff.added().size() + " added, " + diff.removed().size() + " removed, "
                + diff.newZombies().size() + " new zombies");
        modules.getItems().setAll(shown.modules().changed());
    }

    // ---- the class tree ------------------------------------------------------------------------------------------

    private void buildClassTable() {
        classes.setId("comparison-classes");
        classes.setShowRoot(false);
        classes.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        classes.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        classes.setPlaceholder(new Label("Choose a snapshot of the same process to compare with"));

        TreeTableColumn<DiffItem, String> name = new TreeTableColumn<>("Constructor");
        name.setCellValueFactory(cell -> new ReadOnlyStringWrapper(label(cell.getValue().getValue())));
        name.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        classes.getColumns().add(name);
        classes.getColumns().add(countColumn("# New", DiffRow::newCount, false));
        classes.getColumns().add(countColumn("# Deleted", DiffRow::deletedCount, false));
        classes.getColumns().add(countColumn("# Delta", DiffRow::deltaCount, true));
        classes.getColumns().add(sizeColumn("Alloc. Size", item -> item instanceof ClassItem c ? c.diff().allocSize()
                : item instanceof ObjectItem o && o.added() ? o.shallowSize() : null, false));
        classes.getColumns().add(sizeColumn("Freed Size", item -> item instanceof ClassItem c ? c.diff().freedSize()
                : item instanceof ObjectItem o && !o.added() ? o.shallowSize() : null, false));
        classes.getColumns().add(sizeColumn("Size Delta",
                item -> item instanceof ClassItem c ? c.diff().sizeDelta() : null, true));
        installCopy();
        // The numbers keep their width; the names take what is left (less room for the scroll bar).
        name.prefWidthProperty().bind(classes.widthProperty().subtract(6 * NUMBER_WIDTH + 24));
        name.setMinWidth(200);

        classes.getSelectionModel().selectedItemProperty().addListener((observable, old, now) -> {
            DiffItem item = now == null ? null : now.getValue();
            selectedNode.set(item instanceof ObjectItem o && o.added() ? o.node() : -1);
            if (item instanceof MoreItem && items != null) {
                items.showMore(now);
            }
        });
    }

    /** Copy as Markdown of the selected rows, each column written as its cells write it. */
    private void installCopy() {
        classes.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        java.util.List<MarkdownCopy.Column<DiffItem>> copied = new java.util.ArrayList<>();
        copied.add(new MarkdownCopy.Column<>(classes.getColumns().get(0), ComparisonPane::label, false));
        for (int i = 1; i < classes.getColumns().size(); i++) {
            @SuppressWarnings("unchecked")
            TreeTableColumn<DiffItem, Long> column = (TreeTableColumn<DiffItem, Long>) classes.getColumns().get(i);
            boolean size = i >= 4;
            boolean signed = i == 3 || i == 6;
            copied.add(new MarkdownCopy.Column<>(column, item -> {
                Long value = cellValue(column, item);
                return value == null ? "" : (signed && value > 0 ? "+" : "")
                        + (size ? ByteSizes.human(value) : ByteSizes.grouped(value));
            }, true));
        }
        MarkdownCopy.install(classes, () -> MarkdownCopy.selectedRows(classes, copied,
                item -> !(item instanceof MoreItem)));
    }

    /** What {@code column}'s cell value factory gives for a row holding {@code item}. */
    private static Long cellValue(TreeTableColumn<DiffItem, Long> column, DiffItem item) {
        return column.getCellValueFactory().call(new TreeTableColumn.CellDataFeatures<>(null, column,
                new javafx.scene.control.TreeItem<>(item))).getValue();
    }

    private static String label(DiffItem item) {
        if (item instanceof ClassItem c) {
            return c.diff().className();
        }
        if (item instanceof GroupItem g) {
            return (g.added() ? "New objects (" : "Deleted objects (") + ByteSizes.grouped(g.count()) + ")";
        }
        if (item instanceof ObjectItem o) {
            return o.text();
        }
        if (item instanceof MoreItem m) {
            return "Show " + ByteSizes.grouped(Math.min(DiffTreeItems.PAGE, m.remaining())) + " more of "
                    + ByteSizes.grouped(m.remaining()) + "…";
        }
        return "";
    }

    private static TreeTableColumn<DiffItem, Long> countColumn(String title, Function<DiffRow, Integer> value,
                                                              boolean signed) {
        TreeTableColumn<DiffItem, Long> column = numberColumn(title, item -> item instanceof ClassItem c
                ? (long) value.apply(c.diff()) : null);
        column.setCellFactory(c -> new NumberCell<>(n -> (signed && n > 0 ? "+" : "") + ByteSizes.grouped(n), null));
        return column;
    }

    private static TreeTableColumn<DiffItem, Long> sizeColumn(String title, Function<DiffItem, Long> value,
                                                             boolean signed) {
        TreeTableColumn<DiffItem, Long> column = numberColumn(title, value);
        column.setCellFactory(c -> new NumberCell<>(n -> (signed && n > 0 ? "+" : "") + ByteSizes.human(n),
                n -> ByteSizes.grouped(n) + " bytes"));
        return column;
    }

    private static TreeTableColumn<DiffItem, Long> numberColumn(String title, Function<DiffItem, Long> value) {
        TreeTableColumn<DiffItem, Long> column = new TreeTableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                cell.getValue().getValue() == null ? null : value.apply(cell.getValue().getValue())));
        column.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        column.setPrefWidth(NUMBER_WIDTH);
        column.setMinWidth(NUMBER_WIDTH);
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }

    /** A right-aligned number, with the exact value in a tooltip when {@code exact} is given. */
    private static final class NumberCell<S> extends TreeTableCell<S, Long> {
        private final Function<Long, String> text;
        private final Function<Long, String> exact;

        NumberCell(Function<Long, String> text, Function<Long, String> exact) {
            this.text = text;
            this.exact = exact;
        }

        @Override
        protected void updateItem(Long value, boolean empty) {
            super.updateItem(value, empty);
            setText(empty || value == null ? null : text.apply(value));
            setTooltip(empty || value == null || exact == null ? null : new Tooltip(exact.apply(value)));
        }
    }

    // ---- the module table ----------------------------------------------------------------------------------------

    private void buildModuleTable() {
        modules.setId("comparison-modules");
        modules.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        modules.setPlaceholder(new Label("No module changed"));

        TableColumn<ModuleChange, String> state = new TableColumn<>("State");
        state.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().stateText()));
        state.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().remove(Styles.DANGER);
                if (!empty && getTableRow() != null && getTableRow().getItem() != null
                        && getTableRow().getItem().isNewZombie()) {
                    getStyleClass().add(Styles.DANGER);
                }
            }
        });
        state.setPrefWidth(150);
        state.setMinWidth(130);
        TableColumn<ModuleChange, Long> before = moduleSize("before", ModuleChange::baseRetainedSize, false);
        TableColumn<ModuleChange, Long> after = moduleSize("after", ModuleChange::targetRetainedSize, false);
        TableColumn<ModuleChange, Long> change = moduleSize("change", ModuleChange::retainedSizeDelta, true);
        TableColumn<ModuleChange, Long> retained = new TableColumn<>("Retained size");
        retained.getColumns().setAll(java.util.List.of(before, after, change));
        TableColumn<ModuleChange, String> module = new TableColumn<>("Module");
        module.setCellValueFactory(cell -> new ReadOnlyStringWrapper(String.valueOf(cell.getValue().name())));
        module.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                setText(empty ? null : HeapText.shortModuleName(name));
                setTooltip(empty ? null : new Tooltip(name));
            }
        });
        module.setPrefWidth(260);
        modules.getColumns().setAll(java.util.List.of(module, state, retained));

        modules.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        java.util.List<MarkdownCopy.Column<ModuleChange>> copied = java.util.List.of(
                new MarkdownCopy.Column<>(module, row -> HeapText.shortModuleName(String.valueOf(row.name())), false),
                new MarkdownCopy.Column<>(state, ModuleChange::stateText, false),
                new MarkdownCopy.Column<>(before, row -> ByteSizes.human(row.baseRetainedSize()), true),
                new MarkdownCopy.Column<>(after, row -> ByteSizes.human(row.targetRetainedSize()), true),
                new MarkdownCopy.Column<>(change, row -> (row.retainedSizeDelta() > 0 ? "+" : "")
                        + ByteSizes.human(row.retainedSizeDelta()), true));
        MarkdownCopy.install(modules, () -> MarkdownCopy.selectedRows(modules, copied));
    }

    private static TableColumn<ModuleChange, Long> moduleSize(String title, Function<ModuleChange, Long> value,
                                                              boolean signed) {
        TableColumn<ModuleChange, Long> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long size, boolean empty) {
                super.updateItem(size, empty);
                setText(empty || size == null ? null : (signed && size > 0 ? "+" : "") + ByteSizes.human(size));
                setTooltip(empty || size == null ? null : new Tooltip(ByteSizes.grouped(size) + " bytes"));
            }
        });
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        column.setPrefWidth(NUMBER_WIDTH);
        column.setMinWidth(NUMBER_WIDTH);
        return column;
    }
}
