package io.heapscope.views.report;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.snapshot.HeapSnapshot;

import java.util.Objects;

/**
 * A loaded snapshot to report on: what the command line or the window already has. The report computes the rest
 * (class names, Summary, Statistics, and the module graph when {@code modules} is {@code null}).
 *
 * @param name  how the report names it (the file name)
 */
public record ReportSnapshot(String name, HeapSnapshot snapshot, HeapAnalysis analysis, ModuleGraph modules) {
    public ReportSnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(analysis, "analysis");
    }
}
