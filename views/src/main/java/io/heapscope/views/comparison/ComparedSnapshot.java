package io.heapscope.views.comparison;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.snapshot.HeapSnapshot;

/** A loaded snapshot as the Comparison view needs it: to compare with, or to be compared. */
public record ComparedSnapshot(String title, HeapSnapshot snapshot, HeapAnalysis analysis, ModuleGraph modules) {
    @Override
    public String toString() {
        return title;
    }
}
