package io.heapscope.views.heap;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.classes.ClassNames;
import io.heapscope.model.analysis.classes.ClassSummary;
import io.heapscope.model.analysis.classes.HeapStatistics;
import io.heapscope.model.progress.ProgressMonitor;

/**
 * What the Summary and Statistics views need beyond the analysis: every node's class, DevTools' class rows and the
 * Statistics. One pass each over the nodes (and one walk of the dominator tree), so a view computes them off the FX
 * thread once per snapshot and shares them.
 */
public record HeapClasses(ClassNames names, ClassSummary summary, HeapStatistics statistics) {

    public static HeapClasses compute(HeapAnalysis analysis, ProgressMonitor monitor) {
        ClassNames names = ClassNames.compute(analysis.snapshot(), monitor);
        ClassSummary summary = ClassSummary.compute(names, analysis, monitor).withInstancesSorted();
        HeapStatistics statistics = HeapStatistics.compute(analysis.snapshot(), names, analysis, monitor);
        return new HeapClasses(names, summary, statistics);
    }
}
