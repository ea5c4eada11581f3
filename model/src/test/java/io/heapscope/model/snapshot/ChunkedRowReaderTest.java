package io.heapscope.model.snapshot;

import io.heapscope.model.progress.ProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both cores read a plain file's number array in chunks, and stop where the sequential reader must go on. */
class ChunkedRowReaderTest {
    private static final int CHUNK = 100;
    private final ExecutorService helper = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopHelper() {
        helper.shutdownNow();
    }

    /** The text {@code {"a":[v0,v1,...]}}, V8-like: a newline before the comma that ends each row. */
    private static String arrayText(int[] values, int width) {
        StringBuilder text = new StringBuilder("{\"a\":[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(i % width == 0 ? "\n," : ",");
            }
            text.append(Integer.toUnsignedString(values[i]));
        }
        return text.append("],\n\"strings\":[\"x\",\"]\"]}").toString();
    }

    private static int[] values(int count) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            // Every length from one digit to ten, unsigned values past 2^31 among them.
            long value = (i * 2_654_435_761L) % (long) Math.pow(10, i % 10 + 1);
            values[i] = (int) Math.min(value, 0xFFFF_FFFFL - i);
        }
        return values;
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile("chunked", ".heapsnapshot");
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        return file;
    }

    private ChunkedRowReader.Result read(Path file, RowSink sink, int width, long expected) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ChunkedRowReader reader = new ChunkedRowReader(channel, Files.size(file), CHUNK, helper,
                    ProgressMonitor.none());
            return reader.read(text.indexOf('[') + 1, sink, width, expected);
        } finally {
            Files.delete(file);
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 500", "3, 700", "7, 1001", "7, 1000"})
    void readsEveryRowButTheLastElementAndHandsOverTheIncompleteRow(int width, int count) throws IOException {
        int[] values = values(count);
        String text = arrayText(values, width);
        TableSink sink = new TableSink(width);

        ChunkedRowReader.Result result = read(write(text), sink, width, -1);

        // The last element has no comma after it: it is left to the sequential reader, with the bracket.
        assertEquals(count - 1, result.elements());
        assertEquals(text.lastIndexOf(',', text.indexOf(']')) + 1, result.end());
        int rows = (count - 1) / width;
        int[] stored = sink.toArray(rows);
        assertArrayEquals(Arrays.copyOf(values, rows * width), stored);
        assertArrayEquals(Arrays.copyOfRange(values, rows * width, count - 1), result.partialRow());
    }

    @Test
    void theHeadersCountFindsTheEndAsWell() throws IOException {
        int[] values = values(2000);
        TableSink sink = new TableSink(4);

        ChunkedRowReader.Result result = read(write(arrayText(values, 4)), sink, 4, 2000);

        assertEquals(1999, result.elements());
        assertArrayEquals(Arrays.copyOf(values, 1996), sink.toArray(499));
    }

    @Test
    void stopsBeforeTheChunkWithSomethingWrongInIt() throws IOException {
        int[] values = values(1000);
        String text = arrayText(values, 1);
        int bad = text.indexOf(',', 2000) + 1;
        text = text.substring(0, bad) + "-" + text.substring(bad);
        TableSink sink = new TableSink(1);

        ChunkedRowReader.Result result = read(write(text), sink, 1, -1);

        assertTrue(result.end() <= bad && result.end() > bad - 2 * CHUNK, "stopped at " + result.end());
        assertEquals(text.substring(0, (int) result.end()).chars().filter(c -> c == ',').count(),
                result.elements(), "one element per comma up to the stop");
        assertArrayEquals(Arrays.copyOf(values, (int) result.elements()), sink.toArray((int) result.elements()));
    }

    @Test
    void stopsWhereTheRowsWouldNotFit() throws IOException {
        int[] values = values(1000);
        RecordingSink sink = new RecordingSink(2, 100);

        ChunkedRowReader.Result result = read(write(arrayText(values, 2)), sink, 2, -1);

        assertTrue(result.elements() <= 201, "read " + result.elements());
        assertTrue(result.elements() > 0);
    }

    @Test
    void theFirstBadRowIsReportedWhicheverCoreFoundIt() throws IOException {
        int[] values = values(3000);
        RecordingSink sink = new RecordingSink(3, Integer.MAX_VALUE);
        sink.failAt = new int[]{700, 150, 900};

        SnapshotFormatException error = assertThrows(SnapshotFormatException.class,
                () -> read(write(arrayText(values, 3)), sink, 3, -1));

        assertEquals("row 150 is bad", error.problem());
    }

    @Test
    void aShortArrayIsLeftToTheSequentialReader() throws IOException {
        assertNull(read(write(arrayText(values(10), 2)), new TableSink(2), 2, -1));
    }

    /** Rows up to a capacity that does not grow beside fills; fails on chosen rows. */
    private static final class RecordingSink implements RowSink {
        private final int width;
        private final int capacity;
        int[] failAt = new int[0];

        RecordingSink(int width, int capacity) {
            this.width = width;
            this.capacity = capacity;
        }

        @Override
        public void ensureRows(int rowCount) {
        }

        @Override
        public boolean reserveBesideFills(int rowCount) {
            return rowCount <= capacity;
        }

        @Override
        public void fill(int[] numbers, int from, int rows, int firstRow) throws SnapshotFormatException {
            assertTrue(firstRow + rows <= capacity, "filled beyond the room made");
            for (int row = firstRow; row < firstRow + rows; row++) {
                for (int bad : failAt) {
                    if (row == bad) {
                        throw new SnapshotFormatException("row " + row + " is bad", "a", -1);
                    }
                }
            }
        }
    }
}
