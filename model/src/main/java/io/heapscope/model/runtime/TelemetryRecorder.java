package io.heapscope.model.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heapscope.model.inspector.InspectorConnection;
import io.heapscope.model.inspector.InspectorException;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Samples a runtime's memory at a fixed interval into a {@link TelemetrySeries}, and marks its major GCs, which the
 * target reports itself: a {@code PerformanceObserver} for {@code gc} entries calls a {@code Runtime.addBinding}
 * binding, so no polling is needed for them.
 */
public final class TelemetryRecorder implements AutoCloseable {
    static final String GC_BINDING = "__heapscopeGc";
    /** V8's {@code NODE_PERFORMANCE_GC_MAJOR}: minor GCs come many a second and would hide everything else. */
    private static final int MAJOR_GC = 4;

    private static final ObjectMapper PAYLOAD = new ObjectMapper();

    private final RuntimeSession session;
    private final TelemetrySeries series;
    private final ScheduledExecutorService poller;
    private final Consumer<Exception> onFailure;
    private ScheduledFuture<?> polling;
    private Runnable stopGcEvents = () -> { };

    public TelemetryRecorder(RuntimeSession session, TelemetrySeries series, Consumer<Exception> onFailure) {
        this.session = session;
        this.series = series;
        this.onFailure = onFailure;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "heapscope-telemetry");
            thread.setDaemon(true);
            return thread;
        });
    }

    public TelemetrySeries series() {
        return series;
    }

    /** Installs the GC observer and starts sampling every {@code interval}. */
    public synchronized void start(Duration interval) throws InspectorException {
        InspectorConnection connection = session.connection();
        stopGcEvents = connection.onEvent("Runtime.bindingCalled", this::onBinding);
        connection.call("Runtime.addBinding", InspectorConnection.params().put("name", GC_BINDING));
        session.evaluate(ModuleScripts.observeGc(GC_BINDING));
        polling = poller.scheduleWithFixedDelay(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes one sample now (also what the schedule runs). */
    public void sample() {
        try {
            series.add(TelemetryPoint.of(System.currentTimeMillis(), session.memoryUsage()));
        } catch (InspectorException | RuntimeException e) {
            stopPolling();
            onFailure.accept(e);
        }
    }

    private void onBinding(JsonNode params) {
        if (!GC_BINDING.equals(params.path("name").asText())) {
            return;
        }
        try {
            JsonNode gc = PAYLOAD.readTree(params.path("payload").asText());
            if (gc.path("kind").asInt() == MAJOR_GC) {
                series.mark(new RuntimeMarker(System.currentTimeMillis(), RuntimeMarker.Kind.GC,
                        "major GC, %.1f ms".formatted(gc.path("duration").asDouble())));
            }
        } catch (java.io.IOException e) {
            // A payload we did not write: ignore it.
        }
    }

    private synchronized void stopPolling() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    @Override
    public void close() {
        stopPolling();
        stopGcEvents.run();
        poller.shutdownNow();
    }
}
