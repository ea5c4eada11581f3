package io.heapscope.model.snapshot;

import io.heapscope.model.progress.CancelledException;
import io.heapscope.model.progress.ProgressMonitor;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads a big number array of a plain file on both cores, each core reading its own chunks of the file: this
 * thread takes chunks 0, 2, 4, ... and the helper 1, 3, 5, .... A core reads, scans and stores a chunk without
 * waiting for the other, but for one step: a chunk's numbers follow the previous chunk's, so the chunks are counted
 * in order ({@link Chain}) before their rows are stored. Splitting each buffer between the cores instead made them
 * meet twice per buffer, and left one idle while the other read the file.
 *
 * <p>A chunk holds the elements whose comma lies in it. The chunks stop at the first one that is not a plain run of
 * complete elements (usually the one with the closing bracket; also anything malformed, a row beyond the sink's
 * room, the end of the file). The caller goes on from where the chunks stopped with the sequential reader, which
 * reports any error exactly; errors in the rows stored here (a bad edge target) are reported as it would.
 */
final class ChunkedRowReader {
    static final int CHUNK_BYTES = 1 << 20;
    /** An element begins at most this far before the chunk with its comma; longer ones end the chunked reading. */
    private static final int LOOK_BACK = 64;
    /** Less text than this many chunks is left to the sequential reader. */
    private static final int MIN_CHUNKS = 4;

    private final FileChannel file;
    private final long fileLength;
    private final int chunkBytes;
    private final ExecutorService helper;
    private final ProgressMonitor monitor;
    private final Buffers[] buffers = new Buffers[2];

    ChunkedRowReader(FileChannel file, long fileLength, int chunkBytes, ExecutorService helper,
                     ProgressMonitor monitor) {
        this.file = file;
        this.fileLength = fileLength;
        this.chunkBytes = chunkBytes;
        this.helper = helper;
        this.monitor = monitor;
    }

    /**
     * What the chunks read: {@code elements} numbers, ending at text offset {@code end} (right after a comma). The
     * rows before {@code elements / width} are stored; the incomplete row after them is {@code partialRow}.
     */
    record Result(long end, long elements, int[] partialRow) {
    }

    /**
     * Reads the array's elements from text offset {@code start} (right after its opening bracket) into {@code sink}
     * for as long as the chunks are plain runs; null when the array is too short to be worth it.
     * {@code expectedElements} is the count the header announces, or -1 when it does not say.
     */
    Result read(long start, RowSink sink, int width, long expectedElements) throws IOException {
        if (fileLength - start < (long) MIN_CHUNKS * chunkBytes) {
            return null;
        }
        Chain chain = new Chain(start, sink, width, expectedElements, maxElements());
        Future<Void> beside = helper.submit(() -> {
            readChunks(chain, 1);
            return null;
        });
        try {
            readChunks(chain, 0);
        } catch (IOException | RuntimeException | Error e) {
            chain.stop();
            awaitQuietly(beside);
            throw e;
        }
        Futures.await(beside);
        chain.throwFirstFillError();
        return chain.result();
    }

    /** The buffers of the core that reads the chunks of this parity; each core only ever asks for its own. */
    private Buffers buffers(int parity) {
        synchronized (buffers) {
            if (buffers[parity] == null) {
                buffers[parity] = new Buffers();
            }
            return buffers[parity];
        }
    }

    /** Every element takes at least two bytes: a digit and a comma. */
    private int maxElements() {
        return (LOOK_BACK + chunkBytes) / 2 + 1;
    }

    private void readChunks(Chain chain, int parity) throws IOException {
        Worker worker = new Worker(chain, parity);
        try {
            worker.run();
        } finally {
            // Whatever ended this core's work, the other must not wait for a chunk it will never count.
            chain.stop();
        }
    }

    private static void awaitQuietly(Future<Void> beside) {
        try {
            Futures.await(beside);
        } catch (IOException | RuntimeException | Error alreadyFailing) {
            // The first failure is the one to report.
        }
    }

    /**
     * One core's buffers, kept for the whole load: made afresh for each array they were 15 MB of garbage and of
     * memory touched for the first time, which costs more here than reading the text into it.
     */
    private final class Buffers {
        final byte[] buf = new byte[LOOK_BACK + chunkBytes + ByteInput.PADDING];
        final ByteBuffer view = ByteBuffer.wrap(buf);
        final int[] numbers = new int[maxElements()];
    }

    /** One core's chunks. */
    private final class Worker {
        private final Chain chain;
        private final int parity;
        private final byte[] buf;
        private final ByteBuffer view;
        private final int[] numbers;

        Worker(Chain chain, int parity) {
            this.chain = chain;
            this.parity = parity;
            Buffers buffers = buffers(parity);
            this.buf = buffers.buf;
            this.view = buffers.view;
            this.numbers = buffers.numbers;
        }

        void run() throws IOException {
            for (long chunk = parity; ; chunk += 2) {
                if (parity == 0) {
                    if (monitor.isCancelled()) {
                        throw new CancelledException();
                    }
                    monitor.progress(chain.end());
                }
                long chunkStart = chain.start + chunk * chunkBytes;
                long readFrom = chunk == 0 ? chunkStart : chunkStart - LOOK_BACK;
                long readTo = Math.min(chunkStart + chunkBytes, fileLength);
                int length = chunkStart >= fileLength ? 0 : read(readFrom, (int) (readTo - readFrom));
                int runFrom = chunk == 0 ? 0 : ByteInput.afterLast(buf, 0, Math.min(length, LOOK_BACK), ',');
                int runTo = runFrom < 0 ? -1 : ByteInput.afterLast(buf, runFrom, length, ',');
                // Where the array ends, the elements before its bracket are read here too, so that only the last is
                // left to the sequential reader. Looked for only near the announced end: scanning past the bracket
                // into the next sections fed the scanner's hot loop elements it had never seen, and the JIT threw the
                // loop away and compiled it again.
                int end = runFrom >= 0 && chain.mayEndIn(chunk) ? firstNonNumberByte(runFrom, length) : -1;
                boolean last = end >= 0;
                if (last) {
                    // A quote means the chunk starts past the array, in a section of strings: nothing to scan.
                    runTo = buf[end] == '"' ? -1 : Math.max(runFrom, ByteInput.afterLast(buf, runFrom, end, ','));
                }
                int count = runTo < runFrom ? -1 : NumberArrayScanner.scanRange(buf, runFrom, runTo, numbers);
                long first = count < 0 ? chain.link(chunk, -1, -1, -1, true)
                        : chain.link(chunk, readFrom + runFrom, readFrom + runTo, count, last);
                if (first < 0) {
                    return;
                }
                chain.store(numbers, count, first);
                if (last) {
                    return;
                }
            }
        }

        /** The index of the first ']' or '"' in {@code buf[from, to)}, or -1. */
        private int firstNonNumberByte(int from, int to) {
            return NumberArrayScanner.indexOfEither(buf, from, to, (byte) ']', (byte) '"');
        }

        /** Reads up to {@code length} bytes of the file at {@code position}; fewer only at its end. */
        private int read(long position, int length) throws IOException {
            view.clear().limit(length);
            while (view.hasRemaining()) {
                if (file.read(view, position + view.position()) < 0) {
                    break;
                }
            }
            return view.position();
        }
    }

    /**
     * Counts the chunks in order, so that each knows where its numbers begin, and keeps the rows that straddle two
     * chunks until both halves are in.
     */
    private static final class Chain {
        final long start;
        private final RowSink sink;
        private final int width;
        /** The elements the header announces, or -1. */
        private final long expectedElements;
        /** The most elements a chunk can hold. */
        private final int maxPerChunk;
        /** Chunks counted so far; chunk {@code linked} is the next to be. */
        private long linked;
        private long elements;
        private long end;
        private boolean stopped;
        /** Rows with some of their numbers in: row index to its numbers, the count in the last slot. */
        private final Map<Long, int[]> straddling = new HashMap<>();
        /** The fill error of the earliest row, the one a sequential read reports. */
        private SnapshotFormatException fillError;
        private long fillErrorRow = Long.MAX_VALUE;

        Chain(long start, RowSink sink, int width, long expectedElements, int maxPerChunk) {
            this.start = start;
            this.sink = sink;
            this.width = width;
            this.end = start;
            this.expectedElements = expectedElements;
            this.maxPerChunk = maxPerChunk;
        }

        /** Whether the array may end in {@code chunk}, by the count the header announces (always, without one). */
        synchronized boolean mayEndIn(long chunk) {
            return expectedElements < 0 || elements + (chunk - linked + 1) * maxPerChunk >= expectedElements;
        }

        synchronized long end() {
            return end;
        }

        /**
         * Waits for the chunks before {@code chunk} to be counted, then counts it: returns the index of its first
         * number, or -1 if the chunks stop here (this one is not a plain run, {@code count} -1, or does not follow
         * on, or its rows do not fit) or stopped already. A {@code last} chunk stops the chunks after it.
         */
        synchronized long link(long chunk, long runFrom, long runTo, int count, boolean last)
                throws InterruptedIOException {
            while (linked < chunk && !stopped) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading a snapshot");
                }
            }
            if (stopped) {
                return -1;
            }
            long rows = (elements + Math.max(count, 0)) / width;
            if (count < 0 || runFrom != end || rows > SnapshotParser.MAX_ARRAY
                    || !sink.reserveBesideFills((int) rows)) {
                stop();
                return -1;
            }
            long first = elements;
            elements += count;
            end = runTo;
            linked++;
            stopped = last;
            notifyAll();
            return first;
        }

        synchronized void stop() {
            stopped = true;
            notifyAll();
        }

        /** Stores a chunk's {@code count} numbers, the first of which is element {@code first} of the array. */
        void store(int[] numbers, int count, long first) {
            int head = (int) Math.min(count, (width - first % width) % width);
            int rows = (count - head) / width;
            int tail = head + rows * width;
            for (int i = 0; i < head; i++) {
                straddle(first + i, numbers[i]);
            }
            if (rows > 0) {
                fill(numbers, head, rows, (first + head) / width);
            }
            for (int i = tail; i < count; i++) {
                straddle(first + i, numbers[i]);
            }
        }

        private void straddle(long element, int value) {
            long row = element / width;
            int[] complete;
            synchronized (this) {
                int[] numbers = straddling.computeIfAbsent(row, r -> new int[width + 1]);
                numbers[(int) (element % width)] = value;
                if (++numbers[width] < width) {
                    return;
                }
                straddling.remove(row);
                complete = numbers;
            }
            fill(complete, 0, 1, row);
        }

        private void fill(int[] numbers, int from, int rows, long firstRow) {
            try {
                sink.fill(numbers, from, rows, (int) firstRow);
            } catch (SnapshotFormatException e) {
                failed(e, firstRow);
            }
        }

        private synchronized void failed(SnapshotFormatException e, long firstRow) {
            // Fills cover disjoint row ranges, so the failing fill that starts first holds the first bad row.
            if (firstRow < fillErrorRow) {
                fillError = e;
                fillErrorRow = firstRow;
            }
            stop();
        }

        synchronized void throwFirstFillError() throws SnapshotFormatException {
            if (fillError != null) {
                throw fillError;
            }
        }

        synchronized Result result() {
            int[] partial = straddling.getOrDefault(elements / width, new int[width + 1]);
            return new Result(end, elements, java.util.Arrays.copyOf(partial, (int) (elements % width)));
        }
    }
}
