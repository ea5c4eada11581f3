package io.heapscope.model.graph;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EdgeColumnsTest {
    @Test
    void everyTypeAndTargetComeBackFromTheirPackedInt() {
        int[] targets = {0, 1, 3_567_177, EdgeColumns.MAX_NODES - 1};
        for (int type = 0; type < EdgeColumns.MAX_TYPES; type++) {
            for (int target : targets) {
                int packed = EdgeColumns.pack(type, target);
                assertEquals(type, EdgeColumns.type(packed), () -> "type of " + Integer.toHexString(packed));
                assertEquals(target, EdgeColumns.target(packed), () -> "target of " + Integer.toHexString(packed));
            }
        }
    }
}
