package io.heapscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The double-Shift rule on a clock the test sets: the window test presses real keys, this pins the timing. */
class DoubleShiftTest {
    private long nowMillis;
    private int runs;
    private final DoubleShift doubleShift = new DoubleShift(() -> runs++, () -> nowMillis * 1_000_000);

    @Test
    void twoQuickPressesRunTheActionOnce() {
        tapShift();
        nowMillis += 150;
        tapShift();
        assertEquals(1, runs);
        // A third press starts a new count rather than pairing with the second.
        nowMillis += 100;
        tapShift();
        assertEquals(1, runs);
        nowMillis += 100;
        tapShift();
        assertEquals(2, runs);
    }

    @Test
    void pressesTooFarApartDoNot() {
        tapShift();
        nowMillis += DoubleShift.WINDOW_MILLIS + 50;
        tapShift();
        assertEquals(0, runs);
        // ... but the late one counts as a first press.
        nowMillis += 100;
        tapShift();
        assertEquals(1, runs);
    }

    @Test
    void anotherKeyBetweenOrAHeldShiftDoesNot() {
        tapShift();
        doubleShift.pressed(KeyCode.A);
        doubleShift.released(KeyCode.A);
        tapShift();
        assertEquals(0, runs);

        nowMillis += 1000;
        // Holding Shift repeats its press without a release: that is one press, however long.
        doubleShift.pressed(KeyCode.SHIFT);
        nowMillis += 50;
        doubleShift.pressed(KeyCode.SHIFT);
        nowMillis += 50;
        doubleShift.pressed(KeyCode.SHIFT);
        assertEquals(0, runs);
    }

    private void tapShift() {
        doubleShift.pressed(KeyCode.SHIFT);
        doubleShift.released(KeyCode.SHIFT);
    }
}
