package io.heapscope.model.snapshot;

import io.heapscope.model.graph.StringTable;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads the {@code strings} section into a {@link StringTable}, finding the strings on both cores. V8 writes each
 * string on a line of its own, and JSON allows no raw line break inside a string, so a raw {@code '\n'} lies between
 * two strings: each buffer is cut after its last line break, the text before it is split at a line break near its
 * middle, and this thread finds the strings of the first part while a helper finds those of the second.
 *
 * <p>Plain strings (no escape, no byte above ASCII) go into the table as bytes. Any other string is decoded by
 * {@link JsonText} on this thread, so escapes, UTF-8 and their errors come out exactly as without this class.
 * Anything else (the closing bracket, a missing comma, a string cut by the split, a file without line breaks) sends
 * that stretch of text through the plain sequential reading.
 */
final class ParallelStringReader {
    /** Below this many buffered bytes a parallel split costs more than it saves. */
    private static final int MIN_PARALLEL_BYTES = 1 << 15;

    private final ByteInput in;
    private final JsonText json;
    private final ExecutorService helper;
    private final StringTable.Builder table;
    private final Part first = new Part();
    private final Part second = new Part();
    /** Text offset up to which the parallel split is known not to apply: read sequentially until there. */
    private long sequentialUntil = -1;

    /** @param plainBytes about how many bytes the strings take, or less */
    ParallelStringReader(ByteInput in, JsonText json, ExecutorService helper, long plainBytes) {
        this.in = in;
        this.json = json;
        this.helper = helper;
        this.table = new StringTable.Builder(plainBytes);
    }

    /** Reads the strings of the array whose opening bracket was consumed, and its closing bracket. */
    StringTable read() throws IOException {
        if (in.peekNonSpace() == ']') {
            in.pos++;
            return table.build();
        }
        while (true) {
            if (in.offset() >= sequentialUntil && in.limit - in.pos >= MIN_PARALLEL_BYTES && readHalves()) {
                continue;
            }
            readOneString();
            int c = in.peekNonSpace();
            in.pos++;
            if (c == ']') {
                break;
            }
            if (c != ',') {
                in.pos--;
                throw in.unexpected(c, "expected ',' or ']' after string " + (table.size() - 1));
            }
        }
        return table.build();
    }

    /** Reads one string: plain text into the table as bytes (across buffers if need be), anything else decoded. */
    private void readOneString() throws IOException {
        in.expect('"', "to start a string");
        boolean continued = false;
        while (true) {
            byte[] buf = in.buf;
            int from = in.pos;
            int limit = in.limit;
            int i = from;
            while (i < limit && buf[i] != '"' && buf[i] != '\\' && buf[i] >= 0) {
                i++;
            }
            if (i < limit && buf[i] != '"' && !continued) {
                // Not plain, and JsonText reads it from its start.
                table.add(json.readStringBody());
                return;
            }
            if (!table.appendPlain(buf, from, i - from)) {
                table.add(json.readStringBodyAfter(table.takeUnfinished()));
                return;
            }
            in.pos = i;
            if (i < limit) {
                if (buf[i] == '"') {
                    table.finishPlain();
                    in.pos = i + 1;
                } else {
                    table.add(json.readStringBodyAfter(table.takeUnfinished()));
                }
                return;
            }
            if (!in.fill()) {
                throw in.truncated();
            }
            continued = true;
        }
    }

    /** Reads the buffered strings up to its last line break on two threads; false (nothing read) if it may not. */
    private boolean readHalves() throws IOException {
        byte[] buf = in.buf;
        int start = in.pos;
        int cut = ByteInput.afterLast(buf, start, in.limit, '\n');
        int middle = cut < 0 ? -1 : ByteInput.afterFirst(buf, start + (cut - start) / 2, cut, '\n');
        if (middle <= start || middle >= cut) {
            sequentialUntil = in.offsetOf(in.limit);
            return false;
        }
        Future<Boolean> secondFound = helper.submit(() -> second.find(buf, middle, cut));
        boolean firstFound = first.find(buf, start, middle);
        if (!Futures.await(secondFound) || !firstFound) {
            sequentialUntil = in.offsetOf(cut);
            return false;
        }
        first.addTo(table);
        second.addTo(table);
        in.pos = cut;
        return true;
    }

    /** The index of the closing quote of a plain string whose text starts at {@code from}, or -1. */
    private static int plainEnd(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b == '"') {
                return i;
            }
            if (b == '\\' || b < 0) {
                return -1;
            }
        }
        return -1;
    }

    /** The closing quote of a string that may hold escapes, or -1 if it does not end before {@code to}. */
    private static int quoteAfterEscapes(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '"') {
                return i;
            }
            if (buf[i] == '\\') {
                i++;
            }
        }
        return -1;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** Where the strings of one part of a buffer are, and which of them are plain. */
    private final class Part {
        /** Where each string's text starts (after its quote) and where its closing quote is. */
        private int[] starts = new int[1024];
        private int[] ends = new int[1024];
        private boolean[] plain = new boolean[1024];
        private int size;

        /**
         * Finds the strings of {@code buf[from, to)} if it is exactly a run of strings, each followed by a comma,
         * with spaces between; false otherwise. Touches nothing but this part, so two parts can be read at once.
         */
        boolean find(byte[] buf, int from, int to) {
            size = 0;
            int i = from;
            while (true) {
                while (i < to && isSpace(buf[i])) {
                    i++;
                }
                if (i == to) {
                    return true;
                }
                if (buf[i] != '"') {
                    return false;
                }
                int start = ++i;
                int end = plainEnd(buf, start, to);
                boolean isPlain = end >= 0;
                if (!isPlain) {
                    end = quoteAfterEscapes(buf, start, to);
                    if (end < 0) {
                        return false;
                    }
                }
                note(start, end, isPlain);
                i = end + 1;
                while (i < to && isSpace(buf[i])) {
                    i++;
                }
                if (i == to || buf[i] != ',') {
                    return false;
                }
                i++;
            }
        }

        private void note(int start, int end, boolean isPlain) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, 2 * size);
                ends = Arrays.copyOf(ends, 2 * size);
                plain = Arrays.copyOf(plain, 2 * size);
            }
            starts[size] = start;
            ends[size] = end;
            plain[size] = isPlain;
            size++;
        }

        /** Adds the strings found, in order, decoding those that are not plain on this thread. */
        void addTo(StringTable.Builder table) throws IOException {
            byte[] buf = in.buf;
            for (int k = 0; k < size; k++) {
                if (plain[k]) {
                    table.addPlain(buf, starts[k], ends[k] - starts[k]);
                } else {
                    in.pos = starts[k];
                    table.add(json.readStringBody());
                }
            }
        }
    }
}
