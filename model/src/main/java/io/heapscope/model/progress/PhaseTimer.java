package io.heapscope.model.progress;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forwards to another monitor and records how long each phase took, for {@code --timings} and benchmarks. A phase
 * ends when the next begins or when {@link #stop()} is called.
 */
public final class PhaseTimer implements ProgressMonitor {
    private final ProgressMonitor delegate;
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final long start = System.nanoTime();
    private String phase;
    private long phaseStart;

    public PhaseTimer(ProgressMonitor delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized void beginPhase(String name, long totalWork) {
        endPhase();
        phase = name;
        phaseStart = System.nanoTime();
        delegate.beginPhase(name, totalWork);
    }

    @Override
    public void progress(long workDone) {
        delegate.progress(workDone);
    }

    @Override
    public boolean isCancelled() {
        return delegate.isCancelled();
    }

    /** Ends the current phase. */
    public synchronized void stop() {
        endPhase();
    }

    private void endPhase() {
        if (phase != null) {
            nanos.merge(phase, System.nanoTime() - phaseStart, Long::sum);
            phase = null;
        }
    }

    /** Milliseconds per phase, in the order the phases began. */
    public synchronized Map<String, Double> millis() {
        Map<String, Double> result = new LinkedHashMap<>();
        nanos.forEach((name, time) -> result.put(name, time / 1e6));
        return result;
    }

    /** Milliseconds since this timer was made. */
    public double elapsedMillis() {
        return (System.nanoTime() - start) / 1e6;
    }
}
