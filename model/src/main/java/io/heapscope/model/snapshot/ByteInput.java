package io.heapscope.model.snapshot;

import io.heapscope.model.progress.ProgressMonitor;

import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.util.function.LongSupplier;
import java.util.zip.ZipException;

/**
 * A byte buffer over the snapshot text, refilled from a stream. The hot loops read {@link #buf}, {@link #pos} and
 * {@link #limit} directly (copying them into locals) and call {@link #fill()} when they run dry; everything else
 * uses the one-byte helpers. Each refill reports progress and checks for cancellation, so no loop needs to.
 */
final class ByteInput {
    static final int BUFFER_SIZE = 1 << 20;

    /**
     * Text occupies at most {@link #BUFFER_SIZE} bytes; the padding after it lets the number scanner read any
     * element eight bytes at a time without a bounds test, a test whose rare failure used to make the JIT throw
     * away and recompile the hot loop in the middle of a load.
     */
    static final int PADDING = 16;

    final byte[] buf = new byte[BUFFER_SIZE + PADDING];
    int pos;
    int limit;
    /** Offset of {@code buf[0]} in the whole text. */
    private long base;
    private final InputStream in;
    private final ProgressMonitor monitor;
    private final LongSupplier consumed;
    /** The plain file being read, when there is one: it can be read at any position. */
    private final FileChannel file;
    private boolean eof;
    /** The section being read, for error messages. */
    String section;

    /**
     * @param consumed reports progress in the monitor's unit (bytes of the file, compressed or not)
     */
    ByteInput(InputStream in, ProgressMonitor monitor, LongSupplier consumed) {
        this.in = in;
        this.monitor = monitor;
        this.consumed = consumed;
        this.file = null;
    }

    /** Reads a plain (uncompressed) file from its current position; progress is in bytes of the file. */
    ByteInput(FileInputStream plainFile, ProgressMonitor monitor) {
        this.in = plainFile;
        this.monitor = monitor;
        this.consumed = () -> base + limit;
        this.file = plainFile.getChannel();
    }

    /** The plain file this text is, or null when the text comes from a stream (gzip, pushed chunks). */
    FileChannel file() {
        return file;
    }

    /** Goes on reading at {@code offset} of the text (only for a {@link #file()}), dropping what is buffered. */
    void seek(long offset) throws IOException {
        file.position(offset);
        base = offset;
        pos = 0;
        limit = 0;
        eof = false;
    }

    /** Offset of the next unread byte. */
    long offset() {
        return base + pos;
    }

    /** Offset of {@code buf[index]}. */
    long offsetOf(int index) {
        return base + index;
    }

    /**
     * Makes at least one unread byte available; false at the end of input. Only call when {@code pos == limit}
     * or to test for more input.
     */
    boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        if (eof) {
            return false;
        }
        monitor.checkCancelled();
        base += limit;
        pos = 0;
        limit = 0;
        int n;
        try {
            do {
                n = in.read(buf, 0, BUFFER_SIZE);
            } while (n == 0);
        } catch (ZipException e) {
            throw new SnapshotFormatException("corrupt gzip data (" + e.getMessage() + ")", section, base);
        } catch (EOFException e) {
            throw new SnapshotFormatException("truncated gzip data: unexpected end of input", section, base);
        }
        monitor.progress(consumed.getAsLong());
        if (n < 0) {
            eof = true;
            return false;
        }
        limit = n;
        return true;
    }

    /** The next byte without consuming it, or -1 at the end. */
    int peek() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos] & 0xFF;
    }

    /** Consumes and returns the next byte, or -1 at the end. */
    int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    /** Skips JSON whitespace and returns the next byte without consuming it, or -1 at the end. */
    int peekNonSpace() throws IOException {
        while (true) {
            if (pos == limit && !fill()) {
                return -1;
            }
            byte b = buf[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b & 0xFF;
            }
            pos++;
        }
    }

    /** Consumes the next non-space byte, which must be {@code expected}. */
    void expect(char expected, String what) throws IOException {
        int b = peekNonSpace();
        if (b != expected) {
            throw unexpected(b, "expected '" + expected + "' " + what);
        }
        pos++;
    }

    /** An error for byte {@code b} at the current position, or for the end of input if {@code b} is -1. */
    SnapshotFormatException unexpected(int b, String expectation) {
        if (b < 0) {
            return truncated();
        }
        return new SnapshotFormatException(expectation + " but found " + describe(b), section, offset());
    }

    SnapshotFormatException truncated() {
        return new SnapshotFormatException("unexpected end of input (the file is truncated)", section, offset());
    }

    SnapshotFormatException error(String problem) {
        return new SnapshotFormatException(problem, section, offset());
    }

    SnapshotFormatException errorAt(String problem, int bufferIndex) {
        return new SnapshotFormatException(problem, section, offsetOf(bufferIndex));
    }

    static String describe(int b) {
        if (b >= 0x21 && b < 0x7F) {
            return "'" + (char) b + "'";
        }
        return String.format("byte 0x%02X", b);
    }

    /** The index after the last {@code b} in {@code buf[from, to)}, or -1: where a run of whole items ends. */
    static int afterLast(byte[] buf, int from, int to, char b) {
        for (int i = to - 1; i >= from; i--) {
            if (buf[i] == b) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The index after the first {@code b} at or after {@code from} and before {@code to}, or -1. */
    static int afterFirst(byte[] buf, int from, int to, char b) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i + 1;
            }
        }
        return -1;
    }
}
