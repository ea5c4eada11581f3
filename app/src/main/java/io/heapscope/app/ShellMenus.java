package io.heapscope.app;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.BooleanExpression;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window's menus (File, View, Go) and the toolbar buttons beside Open and Close: every action with its icon and
 * shortcut in one place, so the menus teach the keys. The actions themselves are the window's.
 */
final class ShellMenus {
    static final String STYLESHEET = ShellMenus.class.getResource("shell.css").toExternalForm();

    static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination CLOSE = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FILTER = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination SEARCH = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination BACK = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN);
    static final KeyCombination FORWARD = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN);

    /** What the menus do; the window implements each. */
    interface Actions {
        void chooseFiles();

        void open(Path file);

        void closeSelected();

        /** Writes a report of the selected snapshot (and its comparison, if it has a base). */
        void exportReport();

        void focusFilter();

        void search();

        void back();

        void forward();

        void quit();
    }

    private final Actions actions;
    private final SelectionHistory history;
    private final MenuBar menuBar;
    private final Menu recentMenu = new Menu("Open Recent", new FontIcon(Feather.CLOCK));

    /**
     * @param nothingSelected  no snapshot is selected
     * @param nothingToExport  neither a snapshot nor a runtime is shown
     */
    ShellMenus(Actions actions, RecentFiles recent, ThemeSwitch theme, SelectionHistory history,
               BooleanExpression nothingSelected, BooleanExpression nothingToExport) {
        this.actions = actions;
        this.history = history;

        recentMenu.setId("menu-recent");
        recent.files().addListener((ListChangeListener<Path>) change -> showRecent(recent.files()));
        showRecent(recent.files());
        MenuItem close = item("Close Snapshot", Feather.X, CLOSE, actions::closeSelected);
        close.disableProperty().bind(nothingSelected);
        MenuItem export = item("Export Report…", Feather.FILE_TEXT, null, actions::exportReport);
        export.setId("menu-export-report");
        export.disableProperty().bind(nothingToExport);
        Menu file = new Menu("File", null,
                item("Open…", Feather.FOLDER, OPEN, actions::chooseFiles),
                recentMenu,
                close,
                new SeparatorMenuItem(),
                export,
                new SeparatorMenuItem(),
                item("Quit", Feather.LOG_OUT, null, actions::quit));

        CheckMenuItem dark = new CheckMenuItem("Dark Theme", new FontIcon(Feather.MOON));
        dark.setId("menu-dark-theme");
        dark.selectedProperty().bindBidirectional(theme.darkProperty());
        Menu view = new Menu("View", null,
                item("Filter", Feather.FILTER, FILTER, actions::focusFilter),
                new SeparatorMenuItem(),
                dark);

        MenuItem back = item("Back", Feather.ARROW_LEFT, BACK, actions::back);
        back.disableProperty().bind(history.canGoBackProperty().not());
        MenuItem forward = item("Forward", Feather.ARROW_RIGHT, FORWARD, actions::forward);
        forward.disableProperty().bind(history.canGoForwardProperty().not());
        Menu go = new Menu("Go", null,
                item("Search Classes and Objects…", Feather.SEARCH, SEARCH, actions::search),
                new SeparatorMenuItem(),
                back,
                forward);

        menuBar = new MenuBar(file, view, go);
        menuBar.setId("menu-bar");
    }

    MenuBar menuBar() {
        return menuBar;
    }

    /** Back, Forward and Search for the toolbar, then the theme toggle pushed to its right end. */
    List<Node> toolbarItems(ThemeSwitch theme) {
        Button back = iconButton("back", Feather.ARROW_LEFT, "Back to the previous selection", BACK, actions::back);
        back.disableProperty().bind(history.canGoBackProperty().not());
        Button forward = iconButton("forward", Feather.ARROW_RIGHT, "Forward to the next selection", FORWARD,
                actions::forward);
        forward.disableProperty().bind(history.canGoForwardProperty().not());
        Button search = new Button("Search…", new FontIcon(Feather.SEARCH));
        search.setId("search");
        search.setTooltip(new Tooltip("Search classes and @ids in the open snapshots (" + SEARCH.getDisplayText()
                + ", or Shift twice)"));
        search.setOnAction(event -> actions.search());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        return List.of(new Separator(javafx.geometry.Orientation.VERTICAL), back, forward, search, spring,
                theme.toolbarButton());
    }

    private void showRecent(List<Path> files) {
        recentMenu.getItems().setAll(files.stream().map(file -> {
            MenuItem item = new MenuItem(file.toString(), new FontIcon(Feather.FILE));
            item.setMnemonicParsing(false);
            item.setOnAction(event -> actions.open(file));
            return item;
        }).toList());
        recentMenu.setDisable(files.isEmpty());
    }

    private static MenuItem item(String text, Feather icon, KeyCombination keys, Runnable action) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        if (keys != null) {
            item.setAccelerator(keys);
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    private static Button iconButton(String id, Feather icon, String tip, KeyCombination keys, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(tip + " (" + keys.getDisplayText() + ")"));
        button.setOnAction(event -> action.run());
        return button;
    }
}
