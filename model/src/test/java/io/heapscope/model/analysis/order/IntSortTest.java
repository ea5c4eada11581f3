package io.heapscope.model.analysis.order;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The primitive merge sort against the JDK's stable object sort, on random data with many ties. */
class IntSortTest {

    @Test
    void sortsLikeTheJdksStableSortForEverySize() {
        Random random = new Random(42);
        for (int size : new int[] {0, 1, 2, 23, 24, 25, 47, 48, 49, 100, 1_000, 10_007}) {
            int[] keys = random.ints(size, 0, Math.max(1, size / 4)).toArray();
            int[] values = new int[size];
            Arrays.setAll(values, i -> i);
            // By key only: equal keys must keep their ordinal order, which the expected sort guarantees.
            Integer[] expected = Arrays.stream(values).boxed().toArray(Integer[]::new);
            Arrays.sort(expected, Comparator.comparingInt(i -> keys[i]));

            IntSort.sort(values, (a, b) -> Integer.compare(keys[a], keys[b]));

            assertArrayEquals(Arrays.stream(expected).mapToInt(Integer::intValue).toArray(), values, "size " + size);
        }
    }

    @Test
    void sortsOnlyTheRangeGiven() {
        int[] values = {9, 8, 7, 6, 5, 4, 3, 2, 1};

        IntSort.sort(values, 2, 7, Integer::compare);

        assertArrayEquals(new int[] {9, 8, 3, 4, 5, 6, 7, 2, 1}, values);
    }
}
