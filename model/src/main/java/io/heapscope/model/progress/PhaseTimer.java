package io.heapscope.model.progress;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forwards to another monitor and records how long each phase took, for {@code --timings} and benchmarks. A phase
 * ends when the next begins or when {@link #stop()} is called. Phases run {@linkplain #beside() beside} the main line
 * are timed too, under their name followed by {@link #BESIDE}; their times overlap the main line's.
 */
public final class PhaseTimer implements ProgressMonitor {
    public static final String BESIDE = " (beside)";

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
        finishPhase();
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

    /** Times the phases of work on another thread under their own names; forwards only cancellation. */
    @Override
    public ProgressMonitor beside() {
        return new ProgressMonitor() {
            private String phase;
            private long phaseStart;

            @Override
            public void beginPhase(String name, long totalWork) {
                finishPhase();
                phase = name + BESIDE;
                phaseStart = System.nanoTime();
            }

            @Override
            public void progress(long workDone) {
            }

            @Override
            public boolean isCancelled() {
                return PhaseTimer.this.isCancelled();
            }

            @Override
            public void endPhase() {
                finishPhase();
            }

            private void finishPhase() {
                if (phase != null) {
                    record(phase, System.nanoTime() - phaseStart);
                    phase = null;
                }
            }
        };
    }

    private synchronized void record(String name, long time) {
        nanos.merge(name, time, Long::sum);
    }

    @Override
    public void endPhase() {
        stop();
    }

    /** Ends the current phase. */
    public synchronized void stop() {
        finishPhase();
    }

    private void finishPhase() {
        if (phase != null) {
            record(phase, System.nanoTime() - phaseStart);
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
