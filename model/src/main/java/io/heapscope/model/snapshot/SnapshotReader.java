package io.heapscope.model.snapshot;

import io.heapscope.model.progress.ProgressMonitor;

import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads {@code .heapsnapshot} files (plain or gzip-compressed, recognised by their magic bytes, not their name)
 * into a {@link HeapSnapshot}. Streams: the text is never held in memory as a whole. Progress is reported in bytes
 * of the file as stored; cancelling the monitor stops the read with {@link
 * io.heapscope.model.progress.CancelledException}.
 */
public final class SnapshotReader {
    public static final String READ_PHASE = "Reading snapshot";
    private static final int GZIP_RATIO_BOUND = 64;

    private SnapshotReader() {
    }

    public static HeapSnapshot read(Path file, ProgressMonitor monitor) throws IOException {
        return read(file, monitor, ChunkedRowReader.CHUNK_BYTES);
    }

    /** As {@link #read(Path, ProgressMonitor)}, reading a plain file's number arrays in chunks of this size. */
    static HeapSnapshot read(Path file, ProgressMonitor monitor, int chunkBytes) throws IOException {
        long size = Files.size(file);
        // Not Files.newInputStream: its channel copies every read through a temporary direct buffer, which made
        // reading a 319 MB file from the page cache take 180-300 ms instead of about 55 ms.
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            if (isGzip(in.getChannel())) {
                return read(in, size, monitor);
            }
            // A plain file can be read at any position, so both cores can each read their own part of it.
            monitor.beginPhase(READ_PHASE, size);
            ByteInput input = new ByteInput(in, monitor);
            return new SnapshotParser(input, size, true, monitor, chunkBytes).parse();
        }
    }

    private static boolean isGzip(FileChannel file) throws IOException {
        ByteBuffer magic = ByteBuffer.allocate(2);
        while (magic.hasRemaining() && file.read(magic, magic.position()) > 0) {
            // read on: a read may return fewer bytes than asked
        }
        return magic.position() == 2 && (magic.get(0) & 0xFF) == 0x1F && (magic.get(1) & 0xFF) == 0x8B;
    }

    /**
     * @param storedLength the stream's length as stored (compressed if it is gzip), or -1 when unknown; only used
     *                     for progress and to bound allocations
     */
    public static HeapSnapshot read(InputStream stored, long storedLength, ProgressMonitor monitor)
            throws IOException {
        monitor.beginPhase(READ_PHASE, storedLength);
        CountingInputStream counted = new CountingInputStream(stored);
        PushbackInputStream peeked = new PushbackInputStream(counted, 2);
        boolean gzip = startsWithGzipMagic(peeked);
        InputStream text = gzip ? new GZIPInputStream(peeked, 1 << 16) : peeked;
        ByteInput input = new ByteInput(text, monitor, counted::count);
        return new SnapshotParser(input, textLengthBound(gzip, storedLength), !gzip, monitor,
                ChunkedRowReader.CHUNK_BYTES).parse();
    }

    /**
     * An upper bound of the text length, which bounds what a lying header can make the parser allocate. A gzip
     * file's text length is unknown up front; snapshot text compresses far less than 64 to 1.
     */
    private static long textLengthBound(boolean gzip, long storedLength) {
        if (storedLength < 0) {
            return -1;
        }
        return gzip ? storedLength * GZIP_RATIO_BOUND : storedLength;
    }

    private static boolean startsWithGzipMagic(PushbackInputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return false;
        }
        int second = in.read();
        if (second >= 0) {
            in.unread(second);
        }
        in.unread(first);
        return first == 0x1F && second == 0x8B;
    }

    /** Counts the bytes taken from the underlying stream, for progress. */
    private static final class CountingInputStream extends FilterInputStream {
        private volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
