package io.heapscope.model.analysis.classes;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PropertyListsTest {

    @Test
    void numbersDistinctListsInFirstSeenOrder() {
        PropertyLists lists = new PropertyLists();
        assertEquals(0, lists.add(new int[]{1, 2}, 2));
        assertEquals(1, lists.add(new int[]{2, 1}, 2));
        assertEquals(0, lists.add(new int[]{1, 2, 99}, 2));
        assertEquals(2, lists.add(new int[]{1}, 1));
        assertEquals(3, lists.add(new int[]{1, 2, 3}, 3));
        assertEquals(1, lists.add(new int[]{2, 1}, 2));
        assertEquals(4, lists.size());
    }

    @Test
    void agreesWithAMapOfListsThroughManyRehashes() {
        Random random = new Random(7);
        PropertyLists lists = new PropertyLists();
        Map<List<Integer>, Integer> expected = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            int count = 1 + random.nextInt(4);
            int[] values = new int[count];
            List<Integer> key = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                // Few distinct values, so lists repeat and collide.
                values[k] = random.nextInt(40);
                key.add(values[k]);
            }
            int number = expected.computeIfAbsent(key, ignored -> expected.size());
            assertEquals(number, lists.add(values, count), "list " + key);
        }
        assertEquals(expected.size(), lists.size());
    }
}
