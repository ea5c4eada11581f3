package io.heapscope.model.report;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.Retainers;
import io.heapscope.model.format.HeapText;
import io.heapscope.model.modules.JsModule;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.modules.ModuleState;
import io.heapscope.model.runtime.ModuleWatch;

import java.util.List;
import java.util.Optional;

/**
 * Keeps, while a watch runs, the retainer chain of one zombie of the watched module in the first cycle that has
 * one and in the latest cycle: the "before and after" of a leak report. The watch drops each cycle's graph, so the
 * chain is taken as text while the snapshot is loaded ({@link ModuleWatch.Listener#cycleAnalysed}); memory stays
 * two short lists of lines, however many cycles run.
 *
 * <p>The zombie is the oldest leaked copy (the smallest V8 object id: ids grow with allocation and are kept for
 * the life of a process), so "before" and "after" show the same object and how its chain changed. Without a watched module, any leaked zombie.
 * Call from one thread (the watch's).
 */
public final class WatchChains {
    /**
     * A zombie's chain in one cycle.
     *
     * @param object  the zombie as DevTools names it ({@code Module @84413})
     * @param lines   {@link RetainerChainMarkdown} lines, the zombie first
     */
    public record Chain(int cycle, String moduleName, String object, long retainedSize, List<String> lines) {
    }

    private Chain first;
    private Chain last;

    /** Call from {@link ModuleWatch.Listener#cycleAnalysed}. */
    public void cycleAnalysed(int cycle, HeapAnalysis analysis, ModuleGraph modules, String file) {
        Optional<JsModule> zombie = modules.inState(ModuleState.ZOMBIE).stream()
                .filter(m -> !modules.isTransient(m.index()))
                .filter(m -> file == null || file.equals(m.name()))
                .min(java.util.Comparator.comparingLong(m -> analysis.graph().nodeId(m.node())));
        if (zombie.isEmpty()) {
            return;
        }
        JsModule module = zombie.get();
        List<String> lines = RetainerChainMarkdown.shortestPath(new Retainers(analysis), analysis.graph(), analysis,
                module.node());
        Chain chain = new Chain(cycle, module.name(), HeapText.node(analysis.graph(), module.node()),
                module.retainedSize(), List.copyOf(lines));
        if (first == null) {
            first = chain;
        }
        last = chain;
    }

    /** The chain in the first cycle with a leaked zombie. */
    public Optional<Chain> first() {
        return Optional.ofNullable(first);
    }

    /** The chain in the latest cycle with a leaked zombie (the same as {@link #first()} if only one had one). */
    public Optional<Chain> last() {
        return Optional.ofNullable(last);
    }
}
