package io.heapscope.app;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop app: one {@link MainWindow}, given the files named on the command line. */
public final class HeapscopeApplication extends Application {
    private static final String LAUNCH = "launch";

    /** Starts JavaFX and blocks until the last window closes. Relative {@code files} are against the working directory. */
    public static void launch(List<Path> files, Path script) {
        List<String> arguments = new java.util.ArrayList<>(files.stream().map(Path::toString).toList());
        if (script != null) {
            arguments.add("--" + LAUNCH + "=" + script.toAbsolutePath());
        }
        Application.launch(HeapscopeApplication.class, arguments.toArray(String[]::new));
    }

    @Override
    public void start(Stage stage) {
        // The window sets the theme remembered in the settings.
        MainWindow window = new MainWindow(stage);
        window.open(getParameters().getUnnamed().stream().map(Path::of).toList());
        String script = getParameters().getNamed().get(LAUNCH);
        if (script != null) {
            window.runtimes().launch(Path.of(script), pane -> { });
        }
        stage.show();
    }
}
