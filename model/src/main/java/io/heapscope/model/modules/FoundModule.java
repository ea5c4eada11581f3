package io.heapscope.model.modules;

/**
 * What a finder read about one module object, in node ordinals, before {@link ModuleGraph} links modules to each
 * other and measures them. Mutable and package-private: a finder fills it in as it reads.
 */
final class FoundModule {
    static final int NONE = ObjectReader.NONE;

    final ModuleKind kind;
    final int node;
    String name;
    String id;
    /** {@code null} when the module object has no {@code loaded} flag (ES and vm modules). */
    Boolean loaded;
    int parentNode = NONE;
    int[] childNodes = new int[0];
    /** The V8 module record (ES and vm modules). */
    int recordNode = NONE;
    /** The records of the modules this one imports, in request order. */
    int[] importedRecords = new int[0];
    int exportsNode = NONE;
    boolean main;
    boolean cached;
    /** The contextified object of a vm module's context. */
    int contextNode = NONE;

    FoundModule(ModuleKind kind, int node) {
        this.kind = kind;
        this.node = node;
    }
}
