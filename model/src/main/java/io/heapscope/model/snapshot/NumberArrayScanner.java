package io.heapscope.model.snapshot;

import java.io.IOException;

/**
 * Reads the elements of a JSON array of unsigned 32-bit integers (the snapshot's big sections) in batches, straight
 * from the byte buffer. This is the hot loop of a load: one pass, one branch per byte in the common case, no
 * allocation. Its state survives buffer refills, so a number may be split anywhere.
 *
 * <p>Only plain decimal digits are numbers: a sign, a fraction, an exponent or anything else is reported with its
 * byte offset and element index. Values above 2^32 - 1 are rejected.
 */
final class NumberArrayScanner {
    private static final long MAX_UNSIGNED = 0xFFFF_FFFFL;

    private final ByteInput in;
    private long elementsRead;
    private boolean finished;

    /** Call right after the array's opening bracket was consumed. */
    NumberArrayScanner(ByteInput in) {
        this.in = in;
    }

    boolean finished() {
        return finished;
    }

    /** Numbers read so far. */
    long elementsRead() {
        return elementsRead;
    }

    /**
     * Fills {@code out} with the next numbers and returns how many were read: {@code out.length} unless the array
     * ended (then {@link #finished()} is true). Numbers are returned as {@code int} bits.
     */
    int read(int[] out) throws IOException {
        if (finished) {
            return 0;
        }
        byte[] buf = in.buf;
        int pos = in.pos;
        int limit = in.limit;
        int n = 0;
        long value = 0;
        int digits = 0;
        // A number followed by whitespace: the next thing must be a separator, not another digit.
        boolean spaced = false;
        int max = out.length;
        while (n < max) {
            if (pos == limit) {
                in.pos = pos;
                if (!in.fill()) {
                    throw in.truncated();
                }
                pos = in.pos;
                limit = in.limit;
            }
            byte b = buf[pos++];
            int digit = b - '0';
            if (digit >= 0 && digit <= 9) {
                if (spaced) {
                    throw error("expected ',' between numbers but found " + ByteInput.describe(b), pos - 1, n);
                }
                value = value * 10 + digit;
                if (++digits > 10) {
                    throw error("number too large for an unsigned 32-bit value", pos - 1, n);
                }
            } else if (b == ',') {
                if (digits == 0) {
                    throw error("missing number before ','", pos - 1, n);
                }
                if (value > MAX_UNSIGNED) {
                    throw error("number " + value + " too large for an unsigned 32-bit value", pos - 1, n);
                }
                out[n++] = (int) value;
                value = 0;
                digits = 0;
                spaced = false;
            } else if (b == ']') {
                if (digits > 0) {
                    if (value > MAX_UNSIGNED) {
                        throw error("number " + value + " too large for an unsigned 32-bit value", pos - 1, n);
                    }
                    out[n++] = (int) value;
                } else if (elementsRead + n > 0) {
                    throw error("missing number before ']'", pos - 1, n);
                }
                finished = true;
                break;
            } else if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                spaced = digits > 0;
            } else {
                throw error("unexpected " + ByteInput.describe(b & 0xFF) + " in a number array", pos - 1, n);
            }
        }
        // A batch ends exactly after a separator or the closing bracket, so no partial number is ever carried.
        in.pos = pos;
        elementsRead += n;
        return n;
    }

    private SnapshotFormatException error(String problem, int bufferIndex, int n) {
        return in.errorAt(problem + " (element " + (elementsRead + n) + ")", bufferIndex);
    }
}
