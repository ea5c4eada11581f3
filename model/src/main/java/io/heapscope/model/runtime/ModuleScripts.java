package io.heapscope.model.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JavaScript that heapscope evaluates in a target. Each script is an expression that returns a plain object
 * (read back by value) and touches nothing but what its action needs.
 */
final class ModuleScripts {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Common preamble: the module system as the app sees it. For a CommonJS entry point, the main module and its
     * class ({@code Module}, with {@code _cache} and {@code _resolveFilename}); for an ES-module entry point, a
     * {@code require} created for the entry file.
     */
    private static final String LOADER = """
            const builtin = process.getBuiltinModule
                ? process.getBuiltinModule : (name) => process.mainModule.require(name);
            const main = process.mainModule;
            const Module = main ? main.constructor : builtin('module');
            const requireFromApp = main ? (s) => main.require(s) : Module.createRequire(process.argv[1]);
            const resolve = (s) => main ? Module._resolveFilename(s, main) : requireFromApp.resolve(s);
            """;

    private ModuleScripts() {
    }

    static String action(ModuleAction action, String specifier) {
        String spec = quote(specifier);
        String body = switch (action) {
            case DELETE -> """
                    const file = resolve(%s);
                    const cached = Module._cache[file];
                    delete Module._cache[file];
                    return { file, cached: cached !== undefined, detached: 0 };
                    """.formatted(spec);
            case DETACH -> """
                    const file = resolve(%s);
                    const cached = Module._cache[file];
                    delete Module._cache[file];
                    let detached = 0;
                    if (cached !== undefined) {
                      const holders = new Set(Object.values(Module._cache));
                      if (main) holders.add(main);
                      for (const holder of holders) {
                        const children = holder && holder.children;
                        if (!Array.isArray(children)) continue;
                        for (let i = children.length - 1; i >= 0; i--) {
                          if (children[i] === cached) { children.splice(i, 1); detached++; }
                        }
                      }
                    }
                    return { file, cached: cached !== undefined, detached };
                    """.formatted(spec);
            case CLEAR_CACHE -> """
                    const api = builtin('module');
                    if (typeof api.clearCache !== 'function') {
                      throw new Error('module.clearCache() is not available in Node ' + process.version);
                    }
                    const file = resolve(%s);
                    const cached = Module._cache[file];
                    api.clearCache(%s);
                    return { file, cached: cached !== undefined, detached: 0 };
                    """.formatted(spec, spec);
            case RELOAD -> """
                    const file = resolve(%s);
                    const cached = Module._cache[file] !== undefined;
                    requireFromApp(file);
                    return { file, cached, detached: 0 };
                    """.formatted(spec);
        };
        return "(() => {\n" + LOADER + body + "})()";
    }

    static String resolve(String specifier) {
        return "(() => {\n" + LOADER + "return resolve(" + quote(specifier) + ");\n})()";
    }

    /** The files in the CommonJS cache, minus Node's own: what a user may clear or reload. */
    static String cachedModules() {
        return "(() => {\n" + LOADER
                + "return Object.keys(Module._cache).filter((f) => !f.includes('/node_modules/')).sort();\n})()";
    }

    /** Whether the runtime has {@code module.clearCache}. */
    static String hasClearCache() {
        return "(() => {\n" + LOADER + "return typeof builtin('module').clearCache === 'function';\n})()";
    }

    /**
     * A full garbage collection as the app's own {@code global.gc()} would run it, which, unlike the one a heap
     * snapshot runs, keeps V8's compilation cache. {@code --expose-gc} set at run time only applies to contexts
     * created afterwards, hence the fresh context that hands us its {@code gc}.
     */
    static String normalGc() {
        return "(() => {\n" + LOADER + """
                builtin('v8').setFlagsFromString('--expose-gc');
                builtin('vm').runInNewContext('gc')();
                return true;
                })()""";
    }

    static String memoryUsage() {
        return "process.memoryUsage()";
    }

    /** Streams {@code gc} performance entries to the binding {@code name}; installs once per target. */
    static String observeGc(String binding) {
        return "(() => {\n" + LOADER + """
                if (globalThis.__heapscopeGcObserver) return false;
                const { PerformanceObserver } = builtin('perf_hooks');
                const observer = new PerformanceObserver((list) => {
                  for (const entry of list.getEntries()) {
                    const kind = entry.detail ? entry.detail.kind : entry.kind;
                    globalThis[%s](JSON.stringify({ kind, duration: entry.duration }));
                  }
                });
                observer.observe({ entryTypes: ['gc'] });
                globalThis.__heapscopeGcObserver = observer;
                return true;
                })()""".formatted(quote(binding));
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
