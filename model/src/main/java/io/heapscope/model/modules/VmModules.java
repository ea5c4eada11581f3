package io.heapscope.model.modules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds vm modules: objects named {@code SourceTextModule} or {@code SyntheticModule} that carry the
 * {@code kWrap} symbol (their {@code ModuleWrap}, whose {@code url} is the module's identifier) and the
 * {@code kContext} symbol (the contextified object of the {@code vm.Context} they run in).
 */
final class VmModules {
    static final List<String> CLASS_NAMES = List.of("SourceTextModule", "SyntheticModule");
    private static final String WRAP_SYMBOL = "<symbol kWrap>";
    private static final String CONTEXT_SYMBOL = "<symbol kContext>";

    private final ObjectReader reader;
    private final ModuleRecords records;

    VmModules(ObjectReader reader, ModuleRecords records) {
        this.reader = reader;
        this.records = records;
    }

    List<FoundModule> find(int[] candidates) {
        List<FoundModule> modules = new ArrayList<>();
        for (int node : candidates) {
            int wrap = reader.property(node, WRAP_SYMBOL);
            if (wrap == ObjectReader.NONE || !reader.graph().nodeTypeName(node).equals("object")) {
                continue;
            }
            FoundModule module = new FoundModule(ModuleKind.VM, node);
            module.name = reader.string(reader.property(wrap, "url"));
            module.id = module.name;
            module.contextNode = reader.property(node, CONTEXT_SYMBOL);
            module.recordNode = records.recordOf(wrap);
            if (module.recordNode != ObjectReader.NONE) {
                module.importedRecords = records.importedRecords(module.recordNode);
                module.exportsNode = records.namespaceOf(module.recordNode);
            }
            modules.add(module);
        }
        return modules;
    }

    /** The {@code ModuleWrap}s of {@code modules}, which the ES module finder must leave out. */
    Set<Integer> wrapsOf(int[] candidates) {
        Set<Integer> wraps = new HashSet<>();
        for (int node : candidates) {
            int wrap = reader.property(node, WRAP_SYMBOL);
            if (wrap != ObjectReader.NONE) {
                wraps.add(wrap);
            }
        }
        return wraps;
    }
}
