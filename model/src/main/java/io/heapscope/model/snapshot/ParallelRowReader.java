package io.heapscope.model.snapshot;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads a big number array on both cores. A plain file's arrays are read in chunks by {@link ChunkedRowReader}, and
 * their last element here. A stream (gzip, a live snapshot) is read a buffer at a time: each buffer of text is cut
 * at a comma near its middle; this thread scans and stores the first half while a helper thread scans and stores the
 * second, each straight into the sink's rows.
 * The one row that straddles the cut (and the one that straddles two buffers) is put together here. Whatever is not
 * a plain run of complete elements (the end of a buffer, the closing bracket, anything malformed) goes through the
 * exact sequential {@link NumberArrayScanner}, so errors are reported as precisely as without the parallel path.
 */
final class ParallelRowReader {
    /** Below this many buffered bytes a parallel split costs more than it saves. */
    private static final int MIN_PARALLEL_BYTES = 1 << 15;
    private static final int TAIL_NUMBERS = 64;

    private final ByteInput in;
    private final ExecutorService helper;
    /** Reads the bulk of each array when the text is a plain file; null otherwise. */
    private final ChunkedRowReader chunks;
    /** Made on first use: a plain file's arrays are read by the chunks instead. */
    private int[] firstHalf;
    private int[] secondHalf;
    private final int[] tail = new int[TAIL_NUMBERS];

    ParallelRowReader(ByteInput in, ExecutorService helper, ChunkedRowReader chunks) {
        this.in = in;
        this.helper = helper;
        this.chunks = chunks;
    }

    /**
     * Reads the array whose opening bracket was consumed into {@code sink}, in rows of {@code width} numbers, and
     * returns the number of rows. {@code what} names a row in messages ("node", "edge"). {@code expectedRows} is
     * how many rows the header announces, or -1 when it does not say.
     */
    int read(RowSink sink, int width, String what, long expectedRows) throws IOException {
        NumberArrayScanner scanner = new NumberArrayScanner(in);
        Rows rows = new Rows(sink, width);
        if (chunks != null) {
            // An empty array (the side tables without allocation tracking) is not worth a chunk.
            ChunkedRowReader.Result bulk = in.peekNonSpace() == ']' ? null
                    : chunks.read(in.offset(), sink, width, expectedRows < 0 ? -1 : expectedRows * width);
            if (bulk != null && bulk.elements() > 0) {
                rows.resume(bulk);
                scanner.advance(bulk.elements());
                in.seek(bulk.end());
            }
            // What the chunks left is the array's last element, or a chunk with something wrong in it. Cutting the
            // buffer in halves here would scan on past the array into the next sections, whose odd elements made
            // the JIT throw away and recompile the scanner's hot loop.
            while (!scanner.finished()) {
                rows.add(tail, scanner.read(tail));
            }
        } else {
            readInHalves(scanner, rows);
        }
        if (scanner.elementsRead() % width != 0) {
            throw in.error("the " + what + "s array ends inside a " + what + ": it holds " + scanner.elementsRead()
                    + " numbers, not a multiple of the " + width + " " + what + " fields");
        }
        return rows.count();
    }

    private void readInHalves(NumberArrayScanner scanner, Rows rows) throws IOException {
        while (!scanner.finished()) {
            int start = in.pos;
            int cut = in.limit - start >= MIN_PARALLEL_BYTES ? ByteInput.afterLast(in.buf, start, in.limit, ',') : -1;
            int middle = cut < 0 ? -1 : ByteInput.afterFirst(in.buf, start + (cut - start) / 2, cut, ',');
            if (middle > start && middle < cut) {
                readHalves(scanner, rows, start, middle, cut);
            } else {
                // A short sequential step across the buffer's end.
                rows.add(tail, scanner.read(tail));
            }
        }
    }

    private void readHalves(NumberArrayScanner scanner, Rows rows, int start, int middle, int cut)
            throws IOException {
        if (firstHalf == null) {
            // Every element takes at least two bytes (a digit and a comma).
            firstHalf = new int[ByteInput.BUFFER_SIZE / 2 + 1];
            secondHalf = new int[ByteInput.BUFFER_SIZE / 2 + 1];
        }
        byte[] buf = in.buf;
        Future<Integer> second = helper.submit(() -> NumberArrayScanner.scanRange(buf, middle, cut, secondHalf));
        int first = NumberArrayScanner.scanRange(buf, start, middle, firstHalf);
        int rest = Futures.await(second);
        if (first >= 0 && rest >= 0) {
            rows.addHalves(firstHalf, first, secondHalf, rest);
            scanner.advance(first + rest);
            in.pos = cut;
            return;
        }
        if (first >= 0) {
            rows.add(firstHalf, first);
            scanner.advance(first);
            in.pos = middle;
        }
        // Something unusual (usually the closing bracket): read through it exactly, a buffer's worth.
        rows.add(firstHalf, scanner.read(firstHalf));
    }

    /** Turns runs of numbers into rows of the sink, carrying an incomplete row over to the next run. */
    private final class Rows {
        private final RowSink sink;
        private final int width;
        private final int[] row;
        private int carried;
        private int count;

        Rows(RowSink sink, int width) {
            this.sink = sink;
            this.width = width;
            this.row = new int[width];
        }

        int count() {
            return count;
        }

        /** Goes on after the rows the chunked reader stored, with the incomplete row it left. */
        void resume(ChunkedRowReader.Result bulk) {
            count = (int) (bulk.elements() / width);
            carry(bulk.partialRow(), 0, bulk.partialRow().length);
        }

        /** Stores the numbers on this thread. */
        void add(int[] numbers, int length) throws SnapshotFormatException {
            int from = completeCarriedRow(numbers, 0, length);
            int whole = (length - from) / width;
            sink.ensureRows(count + whole);
            sink.fill(numbers, from, whole, count);
            count += whole;
            carry(numbers, from + whole * width, length);
        }

        /** Stores the first run on this thread and the second on the helper, at once. */
        void addHalves(int[] first, int firstLength, int[] second, int secondLength) throws IOException {
            if (firstLength < 2 * width || secondLength < 2 * width) {
                add(first, firstLength);
                add(second, secondLength);
                return;
            }
            int firstFrom = completeCarriedRow(first, 0, firstLength);
            int firstRows = (firstLength - firstFrom) / width;
            int firstEnd = firstFrom + firstRows * width;
            int straddling = firstLength - firstEnd;
            int secondFrom = straddling == 0 ? 0 : width - straddling;
            int secondRows = (secondLength - secondFrom) / width;
            int secondEnd = secondFrom + secondRows * width;
            int firstRow = count;
            int straddlingRow = firstRow + firstRows;
            int secondRow = straddlingRow + (straddling == 0 ? 0 : 1);
            sink.ensureRows(secondRow + secondRows);
            Future<Void> helperFill = helper.submit(() -> {
                sink.fill(second, secondFrom, secondRows, secondRow);
                return null;
            });
            sink.fill(first, firstFrom, firstRows, firstRow);
            if (straddling > 0) {
                System.arraycopy(first, firstEnd, row, 0, straddling);
                System.arraycopy(second, 0, row, straddling, secondFrom);
                sink.fill(row, 0, 1, straddlingRow);
            }
            Futures.await(helperFill);
            count = secondRow + secondRows;
            carry(second, secondEnd, secondLength);
        }

        /** Completes the carried row from the start of {@code numbers}; returns where the rest begins. */
        private int completeCarriedRow(int[] numbers, int from, int length) throws SnapshotFormatException {
            if (carried == 0) {
                return from;
            }
            int taken = Math.min(width - carried, length - from);
            System.arraycopy(numbers, from, row, carried, taken);
            carried += taken;
            if (carried == width) {
                sink.ensureRows(count + 1);
                sink.fill(row, 0, 1, count);
                count++;
                carried = 0;
            }
            return from + taken;
        }

        private void carry(int[] numbers, int from, int length) {
            System.arraycopy(numbers, from, row, carried, length - from);
            carried += length - from;
        }
    }
}
