package io.heapscope.model.modules;

import java.util.List;

/**
 * The zombies of one file ({@code hot.js × 20}).
 *
 * @param modules       indexes in {@link ModuleGraph#modules()}, in node order
 * @param retainedSize  what they retain together, nothing counted twice
 * @param leakedCount   how many are held by more than the stack or open handle scopes
 */
public record ZombieGroup(String name, List<Integer> modules, long retainedSize, int leakedCount) {
}
