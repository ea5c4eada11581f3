package io.heapscope.model.runtime;

import io.heapscope.model.inspector.InspectorException;
import io.heapscope.model.progress.ProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Telemetry and marked actions on a real runtime. */
class LiveRuntimeTest {

    @AfterAll
    static void noNodeSurvives() {
        LiveTargets.assertNoNodeLeft();
    }

    @Test
    void samplesMemoryAndMarksGcsSnapshotsAndActions() throws Exception {
        try (LiveRuntime runtime = new LiveRuntime("plugin host", LiveTargets.pluginHost(), e -> { })) {
            runtime.startTelemetry(Duration.ofMillis(100));
            runtime.session().evaluate("for (let i = 0; i < 5; i++) { globalThis['junk' + i] = new Array(2e6).fill(i);"
                    + " delete globalThis['junk' + i]; }");
            runtime.collectGarbage();
            runtime.takeSnapshot(ProgressMonitor.none(), null);
            runtime.apply(ModuleAction.DELETE, LiveTargets.PLUGIN, 2);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (runtime.telemetry().points().size() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            TelemetrySeries series = runtime.telemetry();
            assertTrue(series.points().size() >= 5, "samples: " + series.points().size());
            assertTrue(series.latest().heapUsed() > 1_000_000);
            List<String> labels = series.markers().stream().map(RuntimeMarker::label).toList();
            assertTrue(labels.contains("GC"), labels.toString());
            assertTrue(labels.contains("snapshot"), labels.toString());
            assertEquals(2, labels.stream().filter(l -> l.equals("Delete from cache greeter.js")).count(),
                    labels.toString());
            assertTrue(series.markers().stream().anyMatch(m -> m.kind() == RuntimeMarker.Kind.GC),
                    "the target reported its major GCs: " + labels);
        }
    }

    @Test
    void telemetryReportsTheTargetsDeathOnce() throws Exception {
        CompletableFuture<Exception> failure = new CompletableFuture<>();
        try (LiveRuntime runtime = new LiveRuntime("plugin host", LiveTargets.pluginHost(),
                failure::complete)) {
            runtime.startTelemetry(Duration.ofMillis(100));
            runtime.session().launched().close();
            Exception error = failure.get(10, TimeUnit.SECONDS);
            assertTrue(error instanceof InspectorException, error.toString());
            int samples = runtime.telemetry().points().size();
            Thread.sleep(300);
            assertEquals(samples, runtime.telemetry().points().size(), "sampling stopped");
        }
    }
}
