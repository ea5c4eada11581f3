package io.heapscope.model.modules;

import io.heapscope.model.graph.HeapGraph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds CommonJS modules: the {@code Module} class (a closure named {@code Module} with {@code _cache} and
 * {@code _load}), every object whose {@code __proto__} is its {@code prototype} (other objects are called
 * "Module" too: ES module namespaces, vm's Module prototype), and what {@code Module._cache} maps to.
 */
final class CommonJsModules {
    static final String CLASS_NAME = "Module";
    private static final String PARENT_SYMBOL = "<symbol node:module_parent>";
    private static final String MAIN_SYMBOL = "<symbol kIsMainSymbol>";

    private final ObjectReader reader;
    private final HeapGraph graph;

    CommonJsModules(ObjectReader reader) {
        this.reader = reader;
        this.graph = reader.graph();
    }

    /** The modules of every {@code Module} class among {@code closuresNamedModule}, each class's in node order. */
    List<FoundModule> find(int[] closuresNamedModule, int[] objectsNamedProcess) {
        List<FoundModule> modules = new ArrayList<>();
        for (int closure : closuresNamedModule) {
            if (!graph.nodeTypeName(closure).equals("closure")) {
                continue;
            }
            int cache = reader.property(closure, "_cache");
            int prototype = reader.property(closure, "prototype");
            if (cache == ObjectReader.NONE || prototype == ObjectReader.NONE
                    || reader.property(closure, "_load") == ObjectReader.NONE) {
                continue;
            }
            modules.addAll(instancesOf(prototype, cache, mainModules(objectsNamedProcess)));
        }
        return modules;
    }

    private Set<Integer> mainModules(int[] objectsNamedProcess) {
        Set<Integer> main = new HashSet<>();
        for (int process : objectsNamedProcess) {
            int module = reader.property(process, "mainModule");
            if (module != ObjectReader.NONE) {
                main.add(module);
            }
        }
        return main;
    }

    private List<FoundModule> instancesOf(int prototype, int cache, Set<Integer> processMain) {
        Set<Integer> instances = new HashSet<>();
        for (int slot = graph.retainerStart(prototype), end = graph.retainerEnd(prototype); slot < end; slot++) {
            int edge = graph.retainerEdge(slot);
            if (graph.edgeTypeName(edge).equals("property") && graph.edgeName(edge).equals("__proto__")) {
                instances.add(graph.retainerNode(slot));
            }
        }
        // Only the cache object's own property edges: a dictionary-mode cache also lists each entry again as an
        // internal edge of its backing store.
        Set<Integer> cached = new HashSet<>();
        for (int e = graph.edgeStart(cache), end = graph.edgeEnd(cache); e < end; e++) {
            if (graph.edgeTypeName(e).equals("property") && instances.contains(graph.edgeTarget(e))) {
                cached.add(graph.edgeTarget(e));
            }
        }
        List<FoundModule> modules = new ArrayList<>();
        instances.stream().sorted().forEach(node -> modules.add(read(node, cached.contains(node),
                processMain.contains(node) || reader.isTrue(reader.property(node, MAIN_SYMBOL)))));
        return modules;
    }

    private FoundModule read(int node, boolean cached, boolean main) {
        FoundModule module = new FoundModule(ModuleKind.CJS, node);
        module.id = reader.string(reader.property(node, "id"));
        module.name = reader.string(reader.property(node, "filename"));
        if (module.name == null) {
            module.name = module.id;
        }
        String loaded = reader.oddball(reader.property(node, "loaded"));
        module.loaded = loaded == null ? null : loaded.equals("true");
        int parent = reader.property(node, PARENT_SYMBOL);
        module.parentNode = parent != ObjectReader.NONE ? parent : reader.property(node, "parent");
        int children = reader.property(node, "children");
        if (children != ObjectReader.NONE) {
            module.childNodes = reader.elements(children);
        }
        module.exportsNode = reader.property(node, "exports");
        module.cached = cached;
        module.main = main;
        return module;
    }
}
