package io.heapscope.app;

import java.util.Objects;
import java.util.function.LongSupplier;
import javafx.event.EventHandler;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * IntelliJ's "double Shift": two presses of Shift within {@value #WINDOW_MILLIS} ms, with no other key between,
 * runs an action (the search popup). A filter on the scene's key events, so it sees the keys whatever has the focus.
 *
 * <p>A Shift held down repeats its press; only a press after a release counts as the second one, so holding Shift
 * (to select a range, say) never opens the search. Shift+letter (typing a capital) between the presses disarms it.
 */
final class DoubleShift implements EventHandler<KeyEvent> {
    static final long WINDOW_MILLIS = 300;

    private enum State { IDLE, FIRST_DOWN, FIRST_UP }

    private final Runnable action;
    private final LongSupplier clockNanos;
    private State state = State.IDLE;
    private long firstPressNanos;

    DoubleShift(Runnable action) {
        this(action, System::nanoTime);
    }

    /** @param clockNanos the time in nanoseconds; a test's clock */
    DoubleShift(Runnable action, LongSupplier clockNanos) {
        this.action = Objects.requireNonNull(action, "action");
        this.clockNanos = Objects.requireNonNull(clockNanos, "clockNanos");
    }

    @Override
    public void handle(KeyEvent event) {
        if (event.getEventType() == KeyEvent.KEY_PRESSED) {
            pressed(event.getCode());
        } else if (event.getEventType() == KeyEvent.KEY_RELEASED) {
            released(event.getCode());
        }
    }

    void pressed(KeyCode code) {
        if (code != KeyCode.SHIFT) {
            state = State.IDLE;
            return;
        }
        long now = clockNanos.getAsLong();
        if (state == State.FIRST_UP && now - firstPressNanos <= WINDOW_MILLIS * 1_000_000) {
            state = State.IDLE;
            action.run();
        } else if (state != State.FIRST_DOWN) {
            // A first press, or a second one too late: that one starts the count again.
            state = State.FIRST_DOWN;
            firstPressNanos = now;
        }
    }

    void released(KeyCode code) {
        if (code == KeyCode.SHIFT && state == State.FIRST_DOWN) {
            state = State.FIRST_UP;
        }
    }
}
