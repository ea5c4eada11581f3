package io.heapscope.model.snapshot;

import io.heapscope.model.progress.CancelledException;
import io.heapscope.model.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text pushed in chunks, as the inspector sends it, reads exactly like the file. */
class SnapshotLoaderTest {

    private static HeapSnapshot push(String text, Random random, int maxChunk) throws Exception {
        SnapshotLoader loader = new SnapshotLoader(ProgressMonitor.none());
        int at = 0;
        while (at < text.length()) {
            int end = Math.min(text.length(), at + 1 + random.nextInt(maxChunk));
            loader.write(text.substring(at, end));
            at = end;
        }
        loader.close();
        return loader.result();
    }

    @Test
    void randomChunksOfARealSnapshotGiveTheSameGraphAsTheFile() throws Exception {
        byte[] bytes = Snapshots.gunzip(Snapshots.SAMPLES.resolve("tiny.heapsnapshot.gz"));
        HeapSnapshot fromFile = Snapshots.read(bytes);
        String text = new String(bytes, StandardCharsets.UTF_8);

        // Inspector chunks are about 100 KB; small ones split every token somewhere.
        HeapSnapshot big = push(text, new Random(1), 200_000);
        HeapSnapshot small = push(text, new Random(2), 97);

        Snapshots.assertSameGraph(fromFile.graph(), big.graph());
        Snapshots.assertSameGraph(fromFile.graph(), small.graph());
        assertEquals(fromFile.locations().rowCount(), small.locations().rowCount());
        assertEquals(fromFile.header(), small.header());
    }

    @Test
    void oneCharacterChunksSplitEscapesAndSurrogatePairs() throws Exception {
        SyntheticSnapshot snapshot = SyntheticSnapshot.small();
        int escaped = snapshot.string("pair \ud83d\ude00 lone \udbff nul \u0000");
        int raw = snapshot.string("RAW");
        String text = snapshot.json().replace("\"RAW\"", "\"é \ud83d\ude00 ✓\"");

        HeapSnapshot read = push(text, new Random(3), 1);

        assertEquals("pair \ud83d\ude00 lone \udbff nul \u0000", read.graph().strings().get(escaped));
        assertEquals("é \ud83d\ude00 ✓", read.graph().strings().get(raw));
    }

    @Test
    void aFormatErrorReachesTheWriterInsteadOfBlockingIt() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            SnapshotLoader loader = new SnapshotLoader(ProgressMonitor.none());
            IOException error = assertThrows(IOException.class, () -> {
                loader.write("not a snapshot");
                // Far more than the queue holds: the writer must notice the failed parser.
                for (int i = 0; i < 10_000; i++) {
                    loader.write("x".repeat(1000));
                }
                loader.close();
                loader.result();
            });
            assertTrue(error.getMessage().contains("not JSON or not a heap snapshot"), error::getMessage);
        });
    }

    @Test
    void truncatedPushedTextIsReportedAtClose() throws Exception {
        String text = SyntheticSnapshot.small().json();
        SnapshotLoader loader = new SnapshotLoader(ProgressMonitor.none());
        loader.write(text.substring(0, text.length() / 2));
        loader.close();

        SnapshotFormatException error = assertThrows(SnapshotFormatException.class, loader::result);

        assertTrue(error.getMessage().contains("truncated"), error::getMessage);
    }

    @Test
    void cancelStopsTheParser() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            SnapshotLoader loader = new SnapshotLoader(ProgressMonitor.none());
            loader.write("{\"snapshot\":");
            loader.cancel();
            assertThrows(CancelledException.class, loader::result);
        });
    }
}
