package io.heapscope.model.modules;

import io.heapscope.model.graph.HeapGraph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the ES modules of Node's loader: {@code ModuleWrap} objects with a {@code url} (the prototype has none),
 * less those that belong to vm modules. A module is main when a {@code ModuleJob} with {@code isMain} true runs
 * it, and cached when its URL is a key of the loader's {@code LoadCache}.
 */
final class EsModules {
    private final ObjectReader reader;
    private final ModuleRecords records;
    private final HeapGraph graph;

    EsModules(ObjectReader reader, ModuleRecords records) {
        this.reader = reader;
        this.records = records;
        this.graph = reader.graph();
    }

    List<FoundModule> find(int[] moduleWraps, int[] moduleJobs, int[] loadCaches, Set<Integer> vmWraps) {
        Set<Integer> mainWraps = new HashSet<>();
        for (int job : moduleJobs) {
            if (reader.isTrue(reader.property(job, "isMain"))) {
                mainWraps.add(reader.property(job, "module"));
            }
        }
        Set<String> cachedUrls = loadCacheKeys(loadCaches);

        List<FoundModule> modules = new ArrayList<>();
        for (int wrap : moduleWraps) {
            String url = reader.string(reader.property(wrap, "url"));
            if (url == null || vmWraps.contains(wrap) || !graph.nodeTypeName(wrap).equals("object")) {
                continue;
            }
            FoundModule module = new FoundModule(ModuleKind.ESM, wrap);
            module.name = url;
            module.id = url;
            module.recordNode = records.recordOf(wrap);
            if (module.recordNode != ObjectReader.NONE) {
                module.importedRecords = records.importedRecords(module.recordNode);
                module.exportsNode = records.namespaceOf(module.recordNode);
            }
            module.main = mainWraps.contains(wrap);
            // Without a LoadCache (another Node version) there is no telling: count every module as cached rather
            // than call healthy modules zombies.
            module.cached = loadCaches.length == 0 || cachedUrls.contains(url);
            modules.add(module);
        }
        return modules;
    }

    /** The URLs a {@code LoadCache} (a Map: url → {type → ModuleJob}) holds: the string keys of its table. */
    private Set<String> loadCacheKeys(int[] loadCaches) {
        Set<String> urls = new HashSet<>();
        for (int cache : loadCaches) {
            int table = reader.internal(cache, "table");
            if (table == ObjectReader.NONE) {
                continue;
            }
            for (long slot : reader.numberedSlots(table)) {
                String key = reader.string((int) slot);
                if (key != null) {
                    urls.add(key);
                }
            }
        }
        return urls;
    }
}
