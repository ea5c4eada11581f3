package io.heapscope.model.runtime;

import java.nio.file.Path;

/**
 * What a watch run does each cycle: an action on a module and/or an expression to evaluate (e.g. the app's own
 * "run one test file" function), then GC, snapshot and module graph.
 *
 * @param module          the module to act on and measure (a path as the main module would require it), or null
 * @param action          the action on {@code module}, or null
 * @param evaluate        an expression evaluated each cycle after the action, or null
 * @param saveSnapshotsTo a directory for {@code cycle-N.heapsnapshot} files, or null
 */
public record WatchPlan(String module, ModuleAction action, String evaluate, int cycles, Path saveSnapshotsTo) {
    public WatchPlan {
        if (cycles < 1) {
            throw new IllegalArgumentException("at least one cycle");
        }
        if (action != null && module == null) {
            throw new IllegalArgumentException("a module action needs a module");
        }
        if (action == null && evaluate == null) {
            throw new IllegalArgumentException("nothing to do each cycle: give a module action or an expression");
        }
    }
}
