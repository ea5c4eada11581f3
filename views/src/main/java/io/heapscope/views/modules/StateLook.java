package io.heapscope.views.modules;

import io.heapscope.model.modules.ModuleState;
import java.util.EnumMap;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * How a {@link ModuleState} looks: a Feather icon and a pseudo-class ({@code :main}, {@code :zombie}, ...) that
 * {@code modules.css} colours with the theme's tokens.
 */
final class StateLook {
    private static final Map<ModuleState, PseudoClass> PSEUDO_CLASSES = new EnumMap<>(ModuleState.class);

    static {
        for (ModuleState state : ModuleState.values()) {
            PSEUDO_CLASSES.put(state, PseudoClass.getPseudoClass(state.label()));
        }
    }

    private StateLook() {
    }

    static Ikon icon(ModuleState state) {
        return switch (state) {
            case MAIN -> Feather.PLAY_CIRCLE;
            case CACHED -> Feather.CHECK_CIRCLE;
            case ANCHOR -> Feather.ANCHOR;
            case ZOMBIE -> Feather.ALERT_TRIANGLE;
            case GARBAGE -> Feather.TRASH_2;
            case UNTRACKED -> Feather.BOX;
        };
    }

    /** What the state means, for tooltips. */
    static String meaning(ModuleState state) {
        return switch (state) {
            case MAIN -> "the entry point";
            case CACHED -> "in its loader's cache";
            case ANCHOR -> "never loaded: only anchors a require (createRequire, the inspector console)";
            case ZOMBIE -> "dropped from its loader's cache but still reachable: a leak unless only the stack holds it";
            case GARBAGE -> "dropped from its cache and unreachable: garbage not yet collected";
            case UNTRACKED -> "a vm module: Node keeps no cache of them";
        };
    }

    static FontIcon newIcon(ModuleState state) {
        FontIcon icon = new FontIcon(icon(state));
        icon.getStyleClass().add("state-icon");
        show(icon, state);
        return icon;
    }

    /** Sets {@code node}'s state pseudo-class to {@code state} and clears the others; {@code null} clears all. */
    static void show(Node node, ModuleState state) {
        PSEUDO_CLASSES.forEach((each, pseudoClass) -> node.pseudoClassStateChanged(pseudoClass, each == state));
    }
}
