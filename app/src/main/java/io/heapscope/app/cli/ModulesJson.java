package io.heapscope.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.Retainers.Hop;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.modules.JsModule;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.modules.ModuleState;
import io.heapscope.model.modules.StateTotal;
import io.heapscope.model.modules.VmContext;
import io.heapscope.model.modules.ZombieGroup;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * The module graph as JSON for tools: {@code {"modules": [...], "summary": {...}}}. Modules refer to each other
 * by object id ({@code id}, {@code parent}, {@code children}, {@code imports}), the ids the other commands take.
 */
final class ModulesJson {
    private final HeapGraph graph;
    private final ModuleGraph modules;

    ModulesJson(HeapAnalysis analysis, ModuleGraph modules) {
        this.graph = analysis.graph();
        this.modules = modules;
    }

    void write(PrintWriter out, boolean zombiesOnly) throws IOException {
        try (JsonGenerator json = JsonOutput.open(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("modules");
            for (JsModule module : modules.modules()) {
                if (!zombiesOnly || module.state() == ModuleState.ZOMBIE) {
                    writeModule(json, module);
                }
            }
            json.writeEndArray();
            writeSummary(json);
            json.writeEndObject();
        }
    }

    private void writeModule(JsonGenerator json, JsModule module) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", graph.nodeId(module.node()));
        json.writeStringField("filename", module.name());
        json.writeStringField("module_id", module.id());
        json.writeStringField("kind", module.kind().label());
        json.writeStringField("state", module.state().label());
        if (module.loaded() == null) {
            json.writeNullField("loaded");
        } else {
            json.writeBooleanField("loaded", module.loaded());
        }
        if (module.parent() < 0) {
            json.writeNullField("parent");
        } else {
            json.writeNumberField("parent", idOf(module.parent()));
        }
        writeIds(json, "children", module.children());
        writeIds(json, "imports", module.imports());
        json.writeNumberField("retained_size", module.retainedSize());
        json.writeNumberField("exports_retained_size", module.exportsRetainedSize());
        if (module.context() >= 0) {
            json.writeNumberField("context_id", graph.nodeId(module.context()));
        }
        if (module.state() == ModuleState.ZOMBIE) {
            json.writeBooleanField("transient", modules.isTransient(module.index()));
            json.writeArrayFieldStart("retainer_path");
            for (Hop hop : modules.retainerPath(module.index())) {
                json.writeStartObject();
                json.writeStringField("edge", hop.edge() < 0 ? null : graph.edgeName(hop.edge()));
                json.writeStringField("edge_type", hop.edge() < 0 ? null : graph.edgeTypeName(hop.edge()));
                json.writeStringField("node", hop.node() == 0 ? "(root)" : graph.nodeName(hop.node()));
                json.writeNumberField("node_id", graph.nodeId(hop.node()));
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private void writeSummary(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("summary");
        json.writeNumberField("modules", modules.modules().size());
        json.writeObjectFieldStart("states");
        for (StateTotal total : modules.totals().values()) {
            json.writeObjectFieldStart(total.state().label());
            json.writeNumberField("count", total.count());
            json.writeNumberField("retained_size", total.retainedSize());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeNumberField("zombies", modules.inState(ModuleState.ZOMBIE).size());
        json.writeNumberField("leaked_zombies", modules.leakedZombieCount());
        json.writeArrayFieldStart("zombie_groups");
        for (ZombieGroup group : modules.zombieGroups()) {
            json.writeStartObject();
            json.writeStringField("filename", group.name());
            json.writeNumberField("count", group.modules().size());
            json.writeNumberField("leaked", group.leakedCount());
            json.writeNumberField("retained_size", group.retainedSize());
            writeIds(json, "modules", group.modules());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("vm_contexts");
        for (VmContext context : modules.vmContexts()) {
            json.writeStartObject();
            if (context.contextNode() < 0) {
                json.writeNullField("context_id");
            } else {
                json.writeNumberField("context_id", graph.nodeId(context.contextNode()));
            }
            json.writeNumberField("retained_size", context.retainedSize());
            writeIds(json, "modules", context.modules());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void writeIds(JsonGenerator json, String field, List<Integer> moduleIndexes) throws IOException {
        json.writeArrayFieldStart(field);
        for (int index : moduleIndexes) {
            json.writeNumber(idOf(index));
        }
        json.writeEndArray();
    }

    private long idOf(int module) {
        return graph.nodeId(modules.module(module).node());
    }
}
