package io.heapscope.views.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heapscope.model.info.SnapshotInfo;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.SnapshotReader;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The pane over the real tiny sample, whose numbers {@code heapscope info} shows too. */
class SnapshotSummaryPaneTest {
    private static final Path TINY = Path.of("../samples/snapshots/tiny.heapsnapshot.gz");
    private static SnapshotInfo info;

    @BeforeAll
    static void load() throws Exception {
        FxToolkit.registerPrimaryStage();
        info = SnapshotInfo.of(SnapshotReader.read(TINY, ProgressMonitor.none()));
    }

    @Test
    void showsCountsSizesAndTables() throws Exception {
        SnapshotSummaryPane pane = WaitForAsyncUtils.asyncFx(() -> new SnapshotSummaryPane(TINY, info)).get();

        assertEquals("tiny.heapsnapshot.gz", label(pane, "#summary-title").getText());
        assertEquals("39,223", label(pane, "#summary-nodes").getText());
        Label selfSize = label(pane, "#summary-self-size");
        assertTrue(selfSize.getText().endsWith("B"), selfSize.getText());
        assertEquals(String.format(java.util.Locale.ROOT, "%,d bytes", info.totalSelfSize()),
                selfSize.getTooltip().getText());

        TableView<?> types = (TableView<?>) pane.lookup("#summary-node-types");
        assertEquals(info.nodeTypes().size(), types.getItems().size());
        // Sorted by self size, biggest first.
        var first = (SnapshotInfo.TypeCount) types.getItems().get(0);
        assertTrue(info.nodeTypes().stream().allMatch(type -> type.selfSize() <= first.selfSize()));

        TableView<?> roots = (TableView<?>) pane.lookup("#summary-root-edges");
        assertEquals(info.rootEdges(), roots.getItems());
    }

    private static Label label(SnapshotSummaryPane pane, String selector) {
        return (Label) pane.lookup(selector);
    }
}
