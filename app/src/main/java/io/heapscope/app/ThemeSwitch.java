package io.heapscope.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import atlantafx.base.theme.Styles;

/**
 * Light or dark: AtlantaFX's Primer pair, set as the application's user-agent stylesheet so every window, dialog
 * and popup follows. Views use theme tokens only, and charts read them through probes, so a switch restyles all.
 * The choice is kept in the {@link Settings} and saved at once.
 */
final class ThemeSwitch {
    static final String DARK_KEY = "theme.dark";

    private final Settings settings;
    private final BooleanProperty dark = new SimpleBooleanProperty();

    ThemeSwitch(Settings settings) {
        this.settings = settings;
        dark.set(settings.getBoolean(DARK_KEY, false));
        apply();
        dark.addListener((observable, was, now) -> {
            apply();
            settings.putBoolean(DARK_KEY, now);
            settings.save();
        });
    }

    /** True for the dark theme; set it to switch. */
    BooleanProperty darkProperty() {
        return dark;
    }

    void toggle() {
        dark.set(!dark.get());
    }

    /** A toolbar toggle: a moon while light (switch to dark), a sun while dark. */
    ToggleButton toolbarButton() {
        ToggleButton button = new ToggleButton();
        button.setId("theme-toggle");
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.selectedProperty().bindBidirectional(dark);
        Runnable show = () -> {
            button.setGraphic(new FontIcon(dark.get() ? Feather.SUN : Feather.MOON));
            button.setTooltip(new Tooltip(dark.get() ? "Switch to the light theme" : "Switch to the dark theme"));
        };
        dark.addListener((observable, was, now) -> show.run());
        show.run();
        return button;
    }

    private void apply() {
        Theme theme = dark.get() ? new PrimerDark() : new PrimerLight();
        Application.setUserAgentStylesheet(theme.getUserAgentStylesheet());
    }
}
