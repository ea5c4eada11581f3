package io.heapscope.model.runtime;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrowthVerdictTest {

    private static WatchCycle cycle(int n, long normalGc, long snapshotGc, long retained, int zombies) {
        return new WatchCycle(n, normalGc, snapshotGc, retained, zombies, zombies + 1);
    }

    @Test
    void retainedSizeRisingInMostStepsGrowsEvenWithoutZombies() {
        GrowthVerdict verdict = GrowthVerdict.of(List.of(cycle(1, 0, 0, 100_000, 0), cycle(2, 0, 0, 300_000, 0),
                cycle(3, 0, 0, 500_000, 0)));
        assertTrue(verdict.grows());
        assertEquals("retained size grew by 400000 bytes in 2 cycles", verdict.reason());
    }

    @Test
    void noiseIsFlatAndOneCycleJudgesNothing() {
        assertFalse(GrowthVerdict.of(List.of(cycle(1, 0, 0, 100_000, 0), cycle(2, 0, 0, 120_000, 0))).grows());
        assertEquals("one cycle cannot show growth", GrowthVerdict.of(List.of(cycle(1, 0, 0, 1, 5))).reason());
    }

    @Test
    void retentionOnlyANormalGcShowsIsANoteBesideAFlatVerdict() {
        GrowthVerdict hidden = GrowthVerdict.of(List.of(cycle(1, 6_500_000, 3_500_000, 0, 0),
                cycle(2, 6_600_000, 3_600_000, 0, 0)));
        assertFalse(hidden.grows());
        assertEquals(3_000_000, hidden.hiddenRetention());
        assertTrue(hidden.hiddenRetentionNote().startsWith("3.0 MB more stays after a normal GC"),
                hidden.hiddenRetentionNote());

        GrowthVerdict small = GrowthVerdict.of(List.of(cycle(1, 4_100_000, 4_000_000, 0, 0),
                cycle(2, 4_100_000, 4_000_000, 0, 0)));
        assertNull(small.hiddenRetentionNote());
    }
}
