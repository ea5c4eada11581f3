package io.heapscope.model.modules;

import java.util.List;

/**
 * The vm modules of one {@code vm.Context}.
 *
 * @param contextNode   the contextified object ({@code kContext}), or {@code -1} if the modules had none
 * @param modules       indexes in {@link ModuleGraph#modules()}
 * @param retainedSize  what the modules and the contextified object retain together
 */
public record VmContext(int contextNode, List<Integer> modules, long retainedSize) {
}
