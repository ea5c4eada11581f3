package io.heapscope.model.modules;

import java.util.List;

/**
 * One module found in a snapshot. Other modules are referred to by their {@link #index} in
 * {@link ModuleGraph#modules()}; objects by node ordinal ({@code -1} when absent).
 *
 * @param name         the filename of a CommonJS module, the URL of an ES module, the identifier of a vm module
 * @param id           CommonJS {@code module.id} ({@code "."} for the main module); the name otherwise
 * @param loaded       CommonJS {@code module.loaded}; {@code null} for ES and vm modules
 * @param parent       the CommonJS parent module, or {@code -1}
 * @param children     CommonJS {@code module.children} in index order (a cache hit is listed too, so cycles occur)
 * @param imports      the modules an ES or vm module imports, in request order (empty until linked)
 * @param exportsNode  {@code module.exports}, or an ES module's namespace object when V8 created one
 * @param context      a vm module's contextified object, or {@code -1}
 */
public record JsModule(int index, ModuleKind kind, ModuleState state, int node, String name, String id,
                       Boolean loaded, int parent, List<Integer> children, List<Integer> imports, int exportsNode,
                       long retainedSize, long exportsRetainedSize, int context) {
}
