package io.heapscope.views.export;

import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.ExecutionException;

/** Presses Ctrl+Shift+C (Copy as Markdown) on the focused view, as a user does, and reads the clipboard. */
public final class CopyShortcut {
    private CopyShortcut() {
    }

    public static String pressAndReadClipboard() throws ExecutionException, InterruptedException {
        new FxRobot().push(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
    }
}
