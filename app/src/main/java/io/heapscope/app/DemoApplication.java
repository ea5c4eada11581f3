package io.heapscope.app;

import io.heapscope.model.runtime.demo.DemoKind;
import io.heapscope.model.runtime.demo.DemoResult;
import io.heapscope.model.runtime.demo.DemoScenario;
import io.heapscope.views.runtime.RuntimePane;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code heapscope demo} in the desktop app: the main window, the demo's sample app launched in Runtimes and shown,
 * and the scenario run on it (caption, charts, snapshots in the list). Closing the window ends the sample app, as
 * it ends every runtime.
 */
public final class DemoApplication extends Application {
    private static final String KIND = "kind";
    private static final String CYCLES = "cycles";
    private static final String SAMPLES = "samples";

    /** Starts JavaFX with the demo and blocks until the window closes. */
    public static void launch(DemoKind kind, int cycles, Path samplesDirectory) {
        Application.launch(DemoApplication.class, "--" + KIND + "=" + kind.option(), "--" + CYCLES + "=" + cycles,
                "--" + SAMPLES + "=" + samplesDirectory.toAbsolutePath());
    }

    /** The checkout's {@code samples/runtime}, where the demos' sample apps are, or null outside a checkout. */
    public static Path runtimeSamples() {
        return SampleSnapshots.checkoutDirectory("samples/runtime", DemoKind.HOT_RELOAD.script());
    }

    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters().getNamed();
        MainWindow window = new MainWindow(stage);
        // A demo is watched from across a room: all the screen it can have, whatever size the app last had.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
        stage.setMaximized(true);
        stage.show();
        start(window, DemoKind.ofOption(named.get(KIND)), Integer.parseInt(named.get(CYCLES)),
                Path.of(named.get(SAMPLES)), pane -> { }, result -> { });
    }

    /**
     * Launches the sample of {@code kind} in {@code window}'s Runtimes and runs the demo on it; {@code onPane} gets
     * the runtime's pane once it is shown, {@code onDone} the result. Snapshots go to a folder of their own among
     * the live snapshots.
     */
    static void start(MainWindow window, DemoKind kind, int cycles, Path samplesDirectory,
                      Consumer<RuntimePane> onPane, Consumer<DemoResult> onDone) {
        Path snapshots = LiveSnapshots.directory().resolve("demo-" + kind.option() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        DemoScenario scenario = DemoScenario.of(kind, cycles, snapshots);
        window.runtimes().launch(samplesDirectory.resolve(kind.script()), pane -> {
            onPane.accept(pane);
            pane.runDemo(scenario, onDone);
        });
    }
}
