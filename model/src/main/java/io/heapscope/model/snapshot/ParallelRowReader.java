package io.heapscope.model.snapshot;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads a big number array on both cores: each buffer of text is cut at a comma near its middle, this thread scans
 * the first half while a helper thread scans the second, and the numbers go on, in order and in whole rows, to the
 * column builder's pipeline. Whatever is not a plain run of complete elements (the end of a buffer, the closing
 * bracket, anything malformed) goes through the exact sequential {@link NumberArrayScanner}, so errors are
 * reported as precisely as without the parallel path.
 */
final class ParallelRowReader {
    /** Below this many buffered bytes a parallel split costs more than it saves. */
    private static final int MIN_PARALLEL_BYTES = 1 << 15;
    private static final int TAIL_NUMBERS = 64;

    private final ByteInput in;
    private final ExecutorService scanHelper;
    private final int[] firstHalf;
    private final int[] secondHalf;
    private final int[] tail = new int[TAIL_NUMBERS];

    ParallelRowReader(ByteInput in, ExecutorService scanHelper) {
        this.in = in;
        this.scanHelper = scanHelper;
        // Every element takes at least two bytes (a digit and a comma).
        this.firstHalf = new int[ByteInput.BUFFER_SIZE / 2 + 1];
        this.secondHalf = new int[ByteInput.BUFFER_SIZE / 2 + 1];
    }

    /**
     * Reads the array whose opening bracket was consumed, feeding {@code pipeline} batches of whole rows of
     * {@code width} numbers. {@code what} names a row in messages ("node", "edge").
     */
    void read(BatchPipeline pipeline, int width, String what) throws IOException {
        NumberArrayScanner scanner = new NumberArrayScanner(in);
        RowBatcher batcher = new RowBatcher(pipeline, width);
        while (!scanner.finished()) {
            int start = in.pos;
            int cut = in.limit - start >= MIN_PARALLEL_BYTES ? afterLastComma(in.buf, start, in.limit) : -1;
            int middle = cut < 0 ? -1 : afterCommaFrom(in.buf, start + (cut - start) / 2, cut);
            if (middle > start && middle < cut) {
                int end = cut;
                byte[] buf = in.buf;
                Future<Integer> second = scanHelper.submit(
                        () -> NumberArrayScanner.scanRange(buf, middle, end, secondHalf));
                int first = NumberArrayScanner.scanRange(buf, start, middle, firstHalf);
                int rest = Futures.await(second);
                if (first >= 0) {
                    batcher.add(firstHalf, first);
                    scanner.advance(first);
                    in.pos = middle;
                }
                if (first >= 0 && rest >= 0) {
                    batcher.add(secondHalf, rest);
                    scanner.advance(rest);
                    in.pos = cut;
                } else {
                    // Something unusual (usually the closing bracket): read through it exactly, a buffer's worth.
                    batcher.add(firstHalf, scanner.read(firstHalf));
                }
                continue;
            }
            // A short sequential step across the buffer's end.
            batcher.add(tail, scanner.read(tail));
        }
        if (scanner.elementsRead() % width != 0) {
            throw in.error("the " + what + "s array ends inside a " + what + ": it holds " + scanner.elementsRead()
                    + " numbers, not a multiple of the " + width + " " + what + " fields");
        }
        batcher.flush();
    }

    /** The index after the last comma in {@code buf[from, to)}, or -1. */
    private static int afterLastComma(byte[] buf, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (buf[i] == ',') {
                return i + 1;
            }
        }
        return -1;
    }

    /** The index after the first comma at or after {@code from} and before {@code to}, or -1. */
    private static int afterCommaFrom(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == ',') {
                return i + 1;
            }
        }
        return -1;
    }

    /** Packs numbers into the pipeline's batches so that every batch holds whole rows. */
    private static final class RowBatcher {
        private final BatchPipeline pipeline;
        private final int capacity;
        private BatchPipeline.Batch batch;

        RowBatcher(BatchPipeline pipeline, int width) throws IOException {
            this.pipeline = pipeline;
            this.batch = pipeline.take();
            this.capacity = batch.numbers.length - batch.numbers.length % width;
        }

        void add(int[] numbers, int count) throws IOException {
            int at = 0;
            while (at < count) {
                int n = Math.min(count - at, capacity - batch.length);
                System.arraycopy(numbers, at, batch.numbers, batch.length, n);
                batch.length += n;
                at += n;
                if (batch.length == capacity) {
                    pipeline.put(batch);
                    batch = pipeline.take();
                    batch.length = 0;
                }
            }
        }

        void flush() {
            pipeline.put(batch);
        }
    }
}
