package io.heapscope.app;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop app: one {@link MainWindow}, given the files named on the command line. */
public final class HeapscopeApplication extends Application {

    /** Starts JavaFX and blocks until the last window closes. Relative {@code files} are against the working directory. */
    public static void launch(List<Path> files) {
        Application.launch(HeapscopeApplication.class, files.stream().map(Path::toString).toArray(String[]::new));
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        MainWindow window = new MainWindow(stage);
        window.open(getParameters().getRaw().stream().map(Path::of).toList());
        stage.show();
    }
}
