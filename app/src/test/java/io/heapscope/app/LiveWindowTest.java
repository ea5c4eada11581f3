package io.heapscope.app;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window on the primary stage with real Node runtimes in it: settings and live snapshots in a temporary
 * folder, every runtime closed after each test and no node process left after the class.
 */
abstract class LiveWindowTest {
    final FxRobot robot = new FxRobot();
    MainWindow window;

    @TempDir
    Path temp;

    @AfterEach
    void closeRuntimes() throws Exception {
        if (window != null) {
            // What hiding the window does; the primary stage itself stays for the next test class.
            onFx(() -> window.runtimes().closeAll());
        }
        FxToolkit.cleanupStages();
        System.clearProperty(LiveSnapshots.PROPERTY);
    }

    @AfterAll
    static void noNodeSurvives() throws Exception {
        // Closing the runtimes ends their processes shortly after, off the FX thread.
        NodeChildren.assertNoneAlive();
    }

    /** Shows a fresh window in the light theme, its snapshots and settings kept in {@link #temp}. */
    MainWindow startWindow() throws Exception {
        System.setProperty(LiveSnapshots.PROPERTY, temp.toString());
        Stage stage = FxToolkit.registerPrimaryStage();
        window = onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            MainWindow built = new MainWindow(stage, OpenSnapshot::read,
                    Settings.load(temp.resolve(Settings.FILE_NAME)));
            stage.show();
            return built;
        });
        return window;
    }

    static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
    }

    static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get();
    }

    static void onFx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get();
    }
}
