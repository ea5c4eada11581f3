package io.heapscope.model.modules;

import io.heapscope.model.analysis.NodeMeasures;

import java.util.List;

/**
 * Every copy of one module file in a snapshot, the live one and the zombies, and what they retain together
 * (counted once: {@link TopMostRetained}). This is what a hot-reload cycle changes, so it is what
 * {@code heapscope watch} measures per cycle.
 *
 * @param copies         modules with this name, whatever their state
 * @param leakedZombies  zombies held by more than the stack (a leak)
 * @param retainedSize   retained size of all copies together
 */
public record ModuleFootprint(String name, int copies, int leakedZombies, long retainedSize) {

    public static ModuleFootprint of(ModuleGraph graph, NodeMeasures measures, String name) {
        List<JsModule> copies = graph.modules().stream().filter(m -> m.name().equals(name)).toList();
        int leaked = (int) copies.stream()
                .filter(m -> m.state() == ModuleState.ZOMBIE && !graph.isTransient(m.index()))
                .count();
        long retained = TopMostRetained.of(copies.stream().mapToInt(JsModule::node).toArray(), measures);
        return new ModuleFootprint(name, copies.size(), leaked, retained);
    }
}
