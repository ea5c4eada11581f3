package io.heapscope.model.analysis;

import io.heapscope.model.graph.StringTable;
import io.heapscope.model.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class WeakMapEdgeNamesTest {
    private static final String PAIR = " / part of key (Key @21) -> value (Value @23) pair in WeakMap (table @25)";

    /** Plain strings as the reader keeps them (bytes), and decoded ones, as both kinds reach the analysis. */
    private static WeakMapEdgeNames names(String... strings) {
        StringTable.Builder builder = new StringTable.Builder(1024);
        for (String string : strings) {
            if (string.chars().allMatch(c -> c < 0x80)) {
                byte[] bytes = string.getBytes(StandardCharsets.US_ASCII);
                builder.addPlain(bytes, 0, bytes.length);
            } else {
                builder.add(string);
            }
        }
        return WeakMapEdgeNames.of(builder.build(), ProgressMonitor.none());
    }

    @Test
    void theKeysAndTheTablesEdgeOfAnEntryShareOnePairAndItsTable() {
        WeakMapEdgeNames names = names("map", "1" + PAIR, "22" + PAIR, "3" + PAIR.replace("@25", "@27"));

        assertEquals(-1, names.pair(0));
        assertEquals(names.pair(1), names.pair(2));
        assertNotEquals(names.pair(1), names.pair(3));
        assertEquals(25, names.tableId(names.pair(1)));
        assertEquals(27, names.tableId(names.pair(3)));
        assertEquals(2, names.pairCount());
    }

    @Test
    void onlyWholeNamesOfDevToolsPatternAreEntries() {
        WeakMapEdgeNames names = names(PAIR, "1" + PAIR + "\n", "x1" + PAIR, "1" + PAIR + " ",
                "1" + PAIR.replace("(Key", "(Kéy"), "1" + PAIR.replace("Key", "Key\u2028"),
                "1" + PAIR.replace("@25", "@99999999999999999999"));

        assertEquals(-1, names.pair(0), "no leading number");
        assertEquals(-1, names.pair(1), "a line break after the end");
        assertEquals(-1, names.pair(2), "text before the number");
        assertEquals(-1, names.pair(3), "text after the end");
        assertEquals(0, names.pair(4), "non-ASCII names of the key and value are fine");
        assertEquals(-1, names.pair(5), "but not a line separator inside them");
        assertEquals(-1, names.tableId(names.pair(6)), "a table id too long for a long");
    }
}
