package io.heapscope.model.snapshot;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

class ReaderWarmUpTest {

    /**
     * The warm-up swallows its failures so that it can never stop a run; made-up rows the builders reject would warm
     * nothing.
     */
    @Test
    void madeUpRowsPassTheBuildersChecks() {
        assertDoesNotThrow(ReaderWarmUp::warmUp);
    }
}
