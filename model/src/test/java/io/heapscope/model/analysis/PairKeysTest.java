package io.heapscope.model.analysis;

import io.heapscope.model.graph.StringTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PairKeysTest {
    /** Keys numbered in the order first seen, as a map of the key strings would number them, through growth. */
    @Test
    void equalKeysShareANumberAndNewKeysTakeTheNext() {
        Random random = new Random(4);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            // Keys that differ in one character, and the same key under another leading number.
            int key = random.nextInt(12_000);
            names.add(random.nextInt(1000) + " / part of key (K" + key
                    + " @1) -> value (V @2) pair in WeakMap (table @3)");
        }
        StringTable strings = new StringTable(names.toArray(new String[0]));
        PairKeys keys = new PairKeys(strings);
        Map<String, Integer> expected = new HashMap<>();

        for (int index = 0; index < names.size(); index++) {
            String name = names.get(index);
            int start = name.indexOf(' ');
            int number = keys.numberOf(index, name, start);
            assertEquals(expected.computeIfAbsent(name.substring(start), k -> expected.size()), number, name);
        }
        assertEquals(expected.size(), keys.count());
    }
}
