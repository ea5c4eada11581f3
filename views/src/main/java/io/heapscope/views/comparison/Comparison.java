package io.heapscope.views.comparison;

import io.heapscope.model.analysis.classes.ClassNames;
import io.heapscope.model.analysis.diff.SnapshotComparison;
import io.heapscope.model.modules.ModuleDiff;
import io.heapscope.model.progress.ProgressMonitor;


/** One computed comparison of a target snapshot with a base: DevTools' class rows and the module diff. */
public record Comparison(ComparedSnapshot base, ComparedSnapshot target, SnapshotComparison classes,
                         ModuleDiff modules) {

    /** Computes it off the FX thread. {@code targetClasses} are the target's own, computed once per target. */
    public static Comparison compute(ComparedSnapshot base, ComparedSnapshot target, ClassNames targetClasses,
                                     ProgressMonitor monitor) {
        SnapshotComparison classes = SnapshotComparison.compute(base.snapshot(), base.analysis(), target.snapshot(),
                target.analysis(), targetClasses, monitor);
        ModuleDiff modules = ModuleDiff.compute(base.snapshot().graph(), base.modules(), target.snapshot().graph(),
                target.modules());
        return new Comparison(base, target, classes, modules);
    }
}
