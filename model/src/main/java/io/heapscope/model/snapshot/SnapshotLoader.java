package io.heapscope.model.snapshot;

import io.heapscope.model.progress.CancelledException;
import io.heapscope.model.progress.ProgressMonitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads a snapshot whose text is pushed to it in chunks, as the inspector's
 * {@code HeapProfiler.addHeapSnapshotChunk} events deliver it: {@link #write} each chunk, {@link #close()} at the
 * end, then {@link #result()}. Chunks may split the text anywhere (inside a number, an escape or a surrogate pair).
 *
 * <p>The same streaming parser as for files runs on a thread of its own, fed through a small bounded queue, so
 * neither side holds the whole text and a fast producer waits for the parser. If the parser fails, the next
 * {@code write} throws its error instead of blocking.
 */
public final class SnapshotLoader implements AutoCloseable {
    private static final byte[] END = new byte[0];
    private static final int QUEUED_CHUNKS = 16;

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
    private final CompletableFuture<HeapSnapshot> result = new CompletableFuture<>();
    private final Utf8Encoder encoder = new Utf8Encoder();
    private volatile boolean abandoned;
    private volatile long received;
    private boolean closed;

    public SnapshotLoader(ProgressMonitor monitor) {
        Thread parser = new Thread(() -> parse(monitor), "heapscope-snapshot-loader");
        parser.setDaemon(true);
        parser.start();
    }

    private void parse(ProgressMonitor monitor) {
        try {
            monitor.beginPhase(SnapshotReader.READ_PHASE, -1);
            ByteInput input = new ByteInput(new ChunkStream(), monitor, () -> received);
            result.complete(new SnapshotParser(input, -1, false, monitor, ChunkedRowReader.CHUNK_BYTES).parse());
        } catch (Throwable e) {
            result.completeExceptionally(e);
        }
    }

    /** Adds text. Blocks while the parser is behind; throws the parser's error if it already failed. */
    public void write(CharSequence text) throws IOException {
        byte[] bytes = encoder.encode(text, false);
        if (bytes.length > 0) {
            enqueue(bytes);
        }
    }

    /** Adds UTF-8 bytes (copied). */
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length > 0) {
            enqueue(java.util.Arrays.copyOfRange(bytes, offset, offset + length));
        }
    }

    /** Marks the end of the text. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        byte[] rest = encoder.encode("", true);
        if (rest.length > 0) {
            enqueue(rest);
        }
        closed = true;
        enqueue(END);
    }

    /** Stops the parser; {@link #result()} then throws {@link CancelledException}. */
    public void cancel() {
        abandoned = true;
        chunks.clear();
        chunks.offer(END);
    }

    /** Waits for the parsed snapshot. Call after {@link #close()}. */
    public HeapSnapshot result() throws IOException {
        return Futures.await(result);
    }

    private void enqueue(byte[] chunk) throws IOException {
        if (closed && chunk != END) {
            throw new IllegalStateException("write after close");
        }
        try {
            while (!chunks.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
                if (result.isDone()) {
                    result();
                    throw new IllegalStateException("the parser finished before the end of the input");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing a chunk to the snapshot parser");
        }
    }

    /** The parser's side of the queue. */
    private final class ChunkStream extends InputStream {
        private byte[] current = new byte[0];
        private int position;

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            while (position == current.length) {
                if (current == END) {
                    return -1;
                }
                try {
                    current = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException();
                }
                position = 0;
                if (abandoned) {
                    throw new CancelledException();
                }
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            received += n;
            return n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }
    }
}
