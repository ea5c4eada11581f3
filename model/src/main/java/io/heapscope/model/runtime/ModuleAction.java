package io.heapscope.model.runtime;

import java.util.Locale;

/**
 * What to do with one CommonJS module in a running target. Each is a script run by {@code Runtime.evaluate}
 * ({@link ModuleScripts}), reaching the loader through the main module rather than the console's {@code require},
 * which would make "&lt;inspector console&gt;" the parent of whatever it loads.
 */
public enum ModuleAction {
    /** {@code delete Module._cache[file]}: the parent's {@code children} still holds the module (the classic leak). */
    DELETE("delete", "Delete from cache"),
    /** Delete, and remove the module from every cached module's {@code children} (the fix). */
    DETACH("detach", "Delete and detach"),
    /** Node's {@code module.clearCache(specifier)}, where the runtime has it (not Node 20). */
    CLEAR_CACHE("clear-cache", "module.clearCache()"),
    /** Require the module again through the main module: loads a fresh copy once the cache no longer has it. */
    RELOAD("reload", "Reload");

    private final String option;
    private final String label;

    ModuleAction(String option, String label) {
        this.option = option;
        this.label = label;
    }

    /** The name used on the command line. */
    public String option() {
        return option;
    }

    /** The name shown in menus and on chart markers. */
    public String label() {
        return label;
    }

    public static ModuleAction ofOption(String text) {
        for (ModuleAction action : values()) {
            if (action.option.equals(text.toLowerCase(Locale.ROOT))) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown module action '" + text
                + "' (expected delete, detach, clear-cache or reload)");
    }
}
