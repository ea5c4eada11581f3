package io.heapscope.model.runtime;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelemetrySeriesTest {

    private static TelemetryPoint at(long time, long heapUsed) {
        return new TelemetryPoint(time, heapUsed * 2, heapUsed + 10, heapUsed, 0, 0);
    }

    @Test
    void hoursOfSamplesStayWithinTheCapacityAndKeepRecentOnesExact() {
        TelemetrySeries series = new TelemetrySeries(64);
        int samples = 10 * 3600; // ten hours at one a second
        for (int second = 0; second < samples; second++) {
            series.add(at(second * 1000L, second));
        }

        List<TelemetryPoint> points = series.points();
        assertTrue(points.size() <= 64, "points: " + points.size());
        assertEquals(samples, series.sampleCount());
        assertEquals(at((samples - 1) * 1000L, samples - 1), series.latest(), "the newest sample is exact");
        assertTrue(points.get(0).timeMillis() < 3600_000, "the oldest point is still from the first hour");
        assertTrue(points.size() >= 32, "an even resolution over the whole run: " + points.size());
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i).timeMillis() > points.get(i - 1).timeMillis(), "time order");
        }
    }

    @Test
    void downsamplingAveragesNeighbours() {
        TelemetrySeries series = new TelemetrySeries(4);
        for (int i = 0; i < 5; i++) {
            series.add(at(i * 1000L, i * 100L));
        }
        // 4 points full: pairs merged into (0, 100) and (200, 300); each point now stands for two samples,
        // so 400 waits in a partial point (shown last) for its pair.
        assertEquals(List.of(at(500, 50), at(2500, 250), at(4000, 400)), series.points());
        series.add(at(5000, 500));
        series.add(at(6000, 600));
        assertEquals(List.of(at(500, 50), at(2500, 250), at(4500, 450), at(6000, 600)), series.points());
        assertEquals(at(6000, 600), series.latest());
    }

    @Test
    void markersAreBoundedOldestFirstOut() {
        TelemetrySeries series = new TelemetrySeries();
        for (int i = 0; i < 1500; i++) {
            series.mark(new RuntimeMarker(i, RuntimeMarker.Kind.GC, "gc " + i));
        }
        assertEquals(1000, series.markers().size());
        assertEquals("gc 500", series.markers().get(0).label());
    }
}
