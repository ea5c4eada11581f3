package io.heapscope.model.modules;

/** How a module was loaded. */
public enum ModuleKind {
    /** A CommonJS {@code Module} of {@code require()}. */
    CJS("cjs"),
    /** An ES module of Node's loader: a {@code ModuleWrap} with its V8 module record. */
    ESM("esm"),
    /** A {@code vm.SourceTextModule} or {@code vm.SyntheticModule}, created by user code in some context. */
    VM("vm");

    private final String label;

    ModuleKind(String label) {
        this.label = label;
    }

    /** The name used in reports and JSON. */
    public String label() {
        return label;
    }
}
