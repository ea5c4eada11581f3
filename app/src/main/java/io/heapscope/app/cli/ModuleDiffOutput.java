package io.heapscope.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.modules.ModuleChange;
import io.heapscope.model.modules.ModuleDiff;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.modules.ModuleState;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/** {@code diff --modules}: the module diff as text, TSV or a JSON object, changed modules only. */
final class ModuleDiffOutput {
    static final String TSV_HEADER = "filename\tkind\tbase_state\ttarget_state\tbase_retained_size"
            + "\ttarget_retained_size\tretained_size_delta";

    private final ModuleDiff diff;
    private final HeapGraph baseGraph;
    private final ModuleGraph base;
    private final HeapGraph targetGraph;
    private final ModuleGraph target;

    ModuleDiffOutput(HeapGraph baseGraph, ModuleGraph base, HeapGraph targetGraph, ModuleGraph target) {
        this.diff = ModuleDiff.compute(baseGraph, base, targetGraph, target);
        this.baseGraph = baseGraph;
        this.base = base;
        this.targetGraph = targetGraph;
        this.target = target;
    }

    void writeText(PrintWriter out, int top) {
        out.printf("%nModules: %d added, %d removed, %d new zombies%n", diff.added().size(), diff.removed().size(),
                diff.newZombies().size());
        List<ModuleChange> changed = diff.changed();
        if (changed.isEmpty()) {
            return;
        }
        out.printf("%-19s %13s %12s %12s  %s%n", "State", "Retained then", "now", "Change",
                "Module");
        for (ModuleChange change : changed.subList(0, Math.min(top, changed.size()))) {
            long delta = change.retainedSizeDelta();
            out.printf("%-19s %13s %12s %12s  %s%n", change.stateText(), ByteSizes.human(change.baseRetainedSize()),
                    ByteSizes.human(change.targetRetainedSize()),
                    (delta > 0 ? "+" : "") + ByteSizes.human(delta), change.name());
        }
        if (changed.size() > top) {
            out.printf("... %d more changed modules%n", changed.size() - top);
        }
    }

    void writeTsv(PrintWriter out) {
        out.print(TSV_HEADER + "\n");
        for (ModuleChange change : diff.changed()) {
            out.print(TsvText.escape(String.valueOf(change.name())) + "\t" + change.kind().label() + "\t"
                    + tsvLabel(change.baseState()) + "\t" + tsvLabel(change.targetState()) + "\t"
                    + change.baseRetainedSize() + "\t" + change.targetRetainedSize() + "\t"
                    + change.retainedSizeDelta() + "\n");
        }
    }

    void writeJson(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("modules");
        json.writeNumberField("added", diff.added().size());
        json.writeNumberField("removed", diff.removed().size());
        json.writeNumberField("new_zombies", diff.newZombies().size());
        json.writeArrayFieldStart("changes");
        for (ModuleChange change : diff.changed()) {
            json.writeStartObject();
            json.writeStringField("filename", change.name());
            json.writeStringField("kind", change.kind().label());
            json.writeStringField("base_state", label(change.baseState()));
            json.writeStringField("target_state", label(change.targetState()));
            writeId(json, "base_id", baseGraph, base, change.baseModule());
            writeId(json, "target_id", targetGraph, target, change.targetModule());
            json.writeNumberField("base_retained_size", change.baseRetainedSize());
            json.writeNumberField("target_retained_size", change.targetRetainedSize());
            json.writeNumberField("retained_size_delta", change.retainedSizeDelta());
            json.writeBooleanField("new_zombie", change.isNewZombie());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeId(JsonGenerator json, String field, HeapGraph graph, ModuleGraph modules, int module)
            throws IOException {
        if (module < 0) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, graph.nodeId(modules.module(module).node()));
        }
    }

    /** Empty for the side a module is missing from. */
    private static String tsvLabel(ModuleState state) {
        return state == null ? "" : state.label();
    }

    private static String label(ModuleState state) {
        return state == null ? null : state.label();
    }
}
