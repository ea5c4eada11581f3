package io.heapscope.model.modules;

/** Where a module stands with its loader. */
public enum ModuleState {
    /** The entry point ({@code process.mainModule}, or the ES module job run as main). */
    MAIN("main"),
    /** In its loader's cache: {@code require.cache} for CommonJS, the load cache for ES modules. */
    CACHED("cached"),
    /**
     * Not cached, not main, never loaded: a module object that only anchors a {@code require} (from
     * {@code createRequire()}, or the inspector console's {@code <inspector console>} pseudo-module).
     */
    ANCHOR("anchor"),
    /** Dropped from its loader's cache but still reachable: the leak this view exists for. */
    ZOMBIE("zombie"),
    /**
     * Dropped from its loader's cache and reachable from no root: garbage V8 had not collected when it wrote the
     * snapshot (snapshots taken without a full GC). Not a leak.
     */
    GARBAGE("garbage"),
    /** A vm module: Node keeps no registry of them, so there is no cache to be in or out of. */
    UNTRACKED("untracked");

    private final String label;

    ModuleState(String label) {
        this.label = label;
    }

    /** The name used in reports and JSON. */
    public String label() {
        return label;
    }
}
