package io.heapscope.model.runtime.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The leaks heapscope can demonstrate, each on a sample app of {@code samples/runtime} that leaks one way and has a
 * fix: a hot reload that leaves zombie modules, Jest-style vm modules in fresh contexts, and event listeners added per
 * request. {@link DemoScenario} holds what each demo does.
 */
public enum DemoKind {
    HOT_RELOAD("hot-reload", "plugin-host.js", null),
    VM_MODULES("vm-modules", "vm-test-runner.mjs", "typeof runTestFiles === 'function'"),
    LISTENERS("listeners", "listener-host.js", null);

    private final String option;
    private final String script;
    private final String readyCondition;

    DemoKind(String option, String script, String readyCondition) {
        this.option = option;
        this.script = script;
        this.readyCondition = readyCondition;
    }

    /** The name on the command line ({@code heapscope demo hot-reload}). */
    public String option() {
        return option;
    }

    /** The sample app's file name in {@code samples/runtime}. */
    public String script() {
        return script;
    }

    /**
     * A condition that is true once an ES-module sample has defined its functions, or null: the launch already
     * waits for a CommonJS main module to finish, but an ES module's evaluation is not visible that way.
     */
    public String readyCondition() {
        return readyCondition;
    }

    /** The command that starts the sample in {@code samplesDirectory} (the inspector flag is added by the launch). */
    public List<String> command(Path samplesDirectory) {
        List<String> command = new ArrayList<>(List.of("node"));
        if (script.endsWith(".mjs")) {
            // vm.SourceTextModule needs it on Node 20.
            command.add("--experimental-vm-modules");
        }
        command.add(samplesDirectory.resolve(script).toAbsolutePath().normalize().toString());
        return command;
    }

    public static DemoKind ofOption(String text) {
        for (DemoKind kind : values()) {
            if (kind.option.equals(text.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown demo '" + text + "' (expected hot-reload, vm-modules or listeners)");
    }
}
