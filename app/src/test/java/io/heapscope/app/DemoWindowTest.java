package io.heapscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heapscope.model.runtime.RuntimeMarker;
import io.heapscope.model.runtime.demo.DemoKind;
import io.heapscope.model.runtime.demo.DemoResult;
import io.heapscope.views.runtime.RuntimePane;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** {@code heapscope demo hot-reload} in the window, on a real Node process, two cycles per phase. */
class DemoWindowTest extends LiveWindowTest {
    private static final Path SAMPLES = Path.of("../samples/runtime").toAbsolutePath().normalize();


    @Test
    void theDemoCaptionsEachPhaseAndFillsTheChartsAndTheSnapshotsList() throws Exception {
        startWindow();

        CompletableFuture<RuntimePane> shown = new CompletableFuture<>();
        CompletableFuture<DemoResult> done = new CompletableFuture<>();
        onFx(() -> DemoApplication.start(window, DemoKind.HOT_RELOAD, 2, SAMPLES, shown::complete, done::complete));
        RuntimePane pane = shown.get(30, TimeUnit.SECONDS);
        assertSame(pane, onFx(() -> window.root().getCenter()), "the demo's runtime is shown");

        // While the leak runs, the caption says so; no confirmation dialog stops it (the demo was the go-ahead).
        waitFor(() -> "Leak: delete only".equals(text("#demo-phase")));
        DemoResult result = done.get(90, TimeUnit.SECONDS);
        assertTrue(result.showsLeakAndFix(), result.toString());

        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Done: the leak grows, the fix stays flat", text("#demo-phase"));
        assertEquals("1. Leak: delete only: grows (zombies grew from 1 to 2 in 1 cycles)", text("#demo-verdict-1"));
        assertEquals("2. Fix: delete + detach: flat (zombies and retained size stay flat)", text("#demo-verdict-2"));
        assertEquals("Fix: delete + detach: flat (zombies and retained size stay flat)", text("#watch-verdict"));

        // The live chart's telemetry carries the phases and every cycle's snapshot as markers.
        List<String> markers = pane.runtime().telemetry().markers().stream().map(RuntimeMarker::label).toList();
        assertTrue(markers.containsAll(List.of("Leak: delete only", "Fix: delete + detach", "cycle 1", "cycle 2")),
                markers.toString());
        assertEquals(4, markers.stream().filter(label -> label.startsWith("cycle ")).count(), markers.toString());
        assertTrue(pane.runtime().telemetry().sampleCount() >= 4);

        // The last snapshot of each phase is in the list; the leak's module graph has its two zombies.
        waitFor(() -> window.snapshots().size() == 2 && window.snapshots().stream()
                .allMatch(entry -> entry.state() == OpenSnapshot.State.LOADED));
        List<String> names = onFx(() -> window.snapshots().stream()
                .map(entry -> entry.file().getFileName().toString()).toList());
        assertEquals(List.of("hot-reload-leak-cycle-2.heapsnapshot", "hot-reload-fix-cycle-2.heapsnapshot"), names);
        assertEquals(2, onFx(() -> window.snapshots().get(0).loaded().modules().leakedZombieCount()));
        assertEquals(0, onFx(() -> window.snapshots().get(1).loaded().modules().leakedZombieCount()));
        assertSame(pane, onFx(() -> window.root().getCenter()), "the runtime stays in view");
    }

    private String text(String id) throws Exception {
        return onFx(() -> robot.lookup(id).queryAs(Labeled.class).getText());
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        waitFor(60, condition);
    }
}
