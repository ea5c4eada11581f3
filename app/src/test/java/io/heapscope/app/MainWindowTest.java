package io.heapscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real {@link HeapscopeApplication}, as {@code heapscope open} would, on headless Monocle. */
class MainWindowTest {
    private final FxRobot robot = new FxRobot();
    private Application app;

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void startsWithTitleOpenButtonAndPlaceholder() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(HeapscopeApplication.class);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(stage.isShowing());
        assertEquals("heapscope", stage.getTitle());
        Button open = robot.lookup("#open").queryButton();
        assertEquals("Open…", open.getText());
        assertTrue(open.isVisible());
        assertTrue(robot.lookup("#placeholder").queryLabeled().getText().startsWith("Open a heap snapshot"));
        // Nothing opened yet, so no file list.
        assertFalse(robot.lookup("#files").queryListView().isVisible());
    }

    @Test
    void listsTheFilesItWasStartedWith() throws Exception {
        FxToolkit.registerPrimaryStage();
        Path first = Path.of("first.heapsnapshot").toAbsolutePath();
        Path second = Path.of("/tmp/second.heapsnapshot");
        app = FxToolkit.setupApplication(HeapscopeApplication.class, first.toString(), second.toString());
        WaitForAsyncUtils.waitForFxEvents();

        ListView<Path> files = robot.lookup("#files").queryListView();
        assertTrue(files.isVisible());
        assertEquals(java.util.List.of(first, second), files.getItems());
        // Cells show the file name only.
        assertTrue(robot.lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .anyMatch(cell -> "second.heapsnapshot".equals(cell.getText())));
    }
}
