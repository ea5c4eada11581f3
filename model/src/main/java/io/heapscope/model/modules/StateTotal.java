package io.heapscope.model.modules;

/** How many modules are in one state and what they retain together, nothing counted twice. */
public record StateTotal(ModuleState state, int count, long retainedSize) {
}
