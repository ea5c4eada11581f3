package io.heapscope.model.format;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ByteSizesTest {
    @Test
    void decimalUnitsLikeDevTools() {
        assertEquals("0 B", ByteSizes.human(0));
        assertEquals("999 B", ByteSizes.human(999));
        assertEquals("1.0 kB", ByteSizes.human(1000));
        assertEquals("1.5 kB", ByteSizes.human(1536));
        assertEquals("319 MB", ByteSizes.human(318_790_440));
        assertEquals("4.0 GB", ByteSizes.human(4_000_000_000L));
        assertEquals("1,234,567", ByteSizes.grouped(1_234_567));
    }
}
