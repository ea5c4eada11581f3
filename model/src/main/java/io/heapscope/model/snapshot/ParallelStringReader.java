package io.heapscope.model.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads the {@code strings} section on both cores. V8 writes each string on a line of its own, and JSON allows no
 * raw line break inside a string, so a raw {@code '\n'} lies between two strings: each buffer is cut after its last
 * line break, the text before it is split at a line break near its middle, and this thread reads the strings of the
 * first part while a helper reads the second.
 *
 * <p>Plain strings (printable ASCII, no escape) are made on the spot; any other string is only located, then decoded
 * here by {@link JsonText}, so escapes, UTF-8 and their errors come out exactly as without this class. Anything else
 * (the closing bracket, a missing comma, a string cut by the split, a file without line breaks) sends that stretch of
 * text through the plain sequential reading.
 */
final class ParallelStringReader {
    /** Below this many buffered bytes a parallel split costs more than it saves. */
    private static final int MIN_PARALLEL_BYTES = 1 << 15;

    private final ByteInput in;
    private final JsonText json;
    private final ExecutorService helper;
    private final Part first = new Part();
    private final Part second = new Part();
    private String[] values = new String[1024];
    private int count;
    /** Text offset up to which the parallel split is known not to apply: read sequentially until there. */
    private long sequentialUntil = -1;

    ParallelStringReader(ByteInput in, JsonText json, ExecutorService helper) {
        this.in = in;
        this.json = json;
        this.helper = helper;
    }

    /** Reads the strings of the array whose opening bracket was consumed, and its closing bracket. */
    String[] read() throws IOException {
        if (in.peekNonSpace() == ']') {
            in.pos++;
            return new String[0];
        }
        while (true) {
            if (in.offset() >= sequentialUntil && in.limit - in.pos >= MIN_PARALLEL_BYTES && readHalves()) {
                continue;
            }
            add(json.readString());
            int c = in.peekNonSpace();
            in.pos++;
            if (c == ']') {
                break;
            }
            if (c != ',') {
                in.pos--;
                throw in.unexpected(c, "expected ',' or ']' after string " + (count - 1));
            }
        }
        return count == values.length ? values : Arrays.copyOf(values, count);
    }

    /** Reads the buffered strings up to its last line break on two threads; false (nothing read) if it may not. */
    private boolean readHalves() throws IOException {
        byte[] buf = in.buf;
        int start = in.pos;
        int cut = afterLastLineBreak(buf, start, in.limit);
        int middle = cut < 0 ? -1 : afterLineBreakFrom(buf, start + (cut - start) / 2, cut);
        if (middle <= start || middle >= cut) {
            sequentialUntil = in.offsetOf(in.limit);
            return false;
        }
        Future<Boolean> secondRead = helper.submit(() -> second.scan(buf, middle, cut));
        boolean firstRead = first.scan(buf, start, middle);
        if (!Futures.await(secondRead) || !firstRead) {
            sequentialUntil = in.offsetOf(cut);
            return false;
        }
        first.decodeOthers();
        second.decodeOthers();
        first.addTo(this);
        second.addTo(this);
        in.pos = cut;
        return true;
    }

    private void add(String value) {
        if (count == values.length) {
            values = Arrays.copyOf(values, SnapshotParser.grownCapacity(values.length, count + 1));
        }
        values[count++] = value;
    }

    /** The index after the last line break in {@code buf[from, to)}, or -1. */
    private static int afterLastLineBreak(byte[] buf, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (buf[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    /** The index after the first line break at or after {@code from} and before {@code to}, or -1. */
    private static int afterLineBreakFrom(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** The strings of one part of a buffer: plain ones made, the others' places noted for {@link JsonText}. */
    private final class Part {
        private String[] strings = new String[1024];
        /** Where the body of each string that is not plain starts (after its quote), by its index in the part. */
        private int[] otherStarts = new int[64];
        private int[] otherIndexes = new int[64];
        private int size;
        private int others;

        /**
         * Reads {@code buf[from, to)} if it is exactly a run of strings, each followed by a comma, with spaces
         * between; false otherwise. Touches nothing but this part, so two parts can be read at once.
         */
        boolean scan(byte[] buf, int from, int to) {
            size = 0;
            others = 0;
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
                int body = ++i;
                boolean plain = true;
                while (true) {
                    if (i >= to) {
                        return false;
                    }
                    byte b = buf[i];
                    if (b == '"') {
                        break;
                    }
                    if (b == '\\') {
                        plain = false;
                        i += 2;
                        continue;
                    }
                    // UTF-8 and raw control characters: JsonText decides.
                    if (b < 0x20) {
                        plain = false;
                    }
                    i++;
                }
                if (size == strings.length) {
                    strings = Arrays.copyOf(strings, 2 * size);
                }
                if (plain) {
                    strings[size] = new String(buf, body, i - body, StandardCharsets.ISO_8859_1);
                } else {
                    noteOther(body);
                }
                size++;
                i++;
                while (i < to && isSpace(buf[i])) {
                    i++;
                }
                if (i == to || buf[i] != ',') {
                    return false;
                }
                i++;
            }
        }

        private void noteOther(int body) {
            if (others == otherStarts.length) {
                otherStarts = Arrays.copyOf(otherStarts, 2 * others);
                otherIndexes = Arrays.copyOf(otherIndexes, 2 * others);
            }
            otherStarts[others] = body;
            otherIndexes[others] = size;
            strings[size] = null;
            others++;
        }

        /** Decodes, on the reading thread, the strings that are not plain. */
        void decodeOthers() throws IOException {
            for (int k = 0; k < others; k++) {
                in.pos = otherStarts[k];
                strings[otherIndexes[k]] = json.readStringBody();
            }
        }

        void addTo(ParallelStringReader reader) {
            int needed = reader.count + size;
            if (needed > reader.values.length) {
                reader.values = Arrays.copyOf(reader.values, SnapshotParser.grownCapacity(reader.values.length,
                        needed));
            }
            System.arraycopy(strings, 0, reader.values, reader.count, size);
            reader.count = needed;
            Arrays.fill(strings, 0, size, null);
        }
    }
}
