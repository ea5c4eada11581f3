package io.heapscope.model.snapshot;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the elements of a JSON array of unsigned 32-bit integers (the snapshot's big sections) in batches, straight
 * from the byte buffer. This is the hot loop of a load: one pass, short numbers eight bytes at a time, no
 * allocation. Its state survives buffer refills, so a number may be split anywhere.
 *
 * <p>Only plain decimal digits are numbers: a sign, a fraction, an exponent or anything else is reported with its
 * byte offset and element index. Values above 2^32 - 1 are rejected.
 */
final class NumberArrayScanner {
    private static final long MAX_UNSIGNED = 0xFFFF_FFFFL;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ZEROS = 0x3030_3030_3030_3030L;
    private static final long HIGH_NIBBLES = 0xF0F0_F0F0_F0F0_F0F0L;
    private static final long SIXES = 0x0606_0606_0606_0606L;
    private static final long LOW_SEVEN_BITS = 0x7F7F_7F7F_7F7F_7F7FL;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long COMMAS = 0x2C2C_2C2C_2C2C_2C2CL;
    private static final long BYTE_ONES = 0x0101_0101_0101_0101L;
    private static final int PRIMING_ROUNDS = 5000;
    private static final AtomicBoolean PRIMING_NEEDED = new AtomicBoolean(true);

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

    /** Accounts for numbers read past this scanner by {@link #scanRange}, so error messages count right. */
    void advance(long numbers) {
        elementsRead += numbers;
    }

    /**
     * Scans {@code buf[from, to)}, a run of complete elements each followed by a comma, into {@code out} and
     * returns how many numbers it held, or -1 if the run holds anything else (a closing bracket, a malformed or
     * oversized number): the caller then reads it with {@link #read} instead, which reports errors exactly. Touches
     * nothing but {@code out}, so two threads can scan two runs of one buffer at once.
     */
    static int scanRange(byte[] buf, int from, int to, int[] out) {
        // First find the commas eight bytes at a time, then read each element between two commas on its own: no
        // element's reading waits for the previous one, so the processor overlaps them.
        int n = 0;
        int start = from;
        int pos = from;
        for (; pos + 8 <= to; pos += 8) {
            long commas = zeroBytes((long) LONGS.get(buf, pos) ^ COMMAS);
            while (commas != 0) {
                int comma = pos + (Long.numberOfTrailingZeros(commas) >>> 3);
                long value = element(buf, start, comma);
                if (value < 0) {
                    return -1;
                }
                out[n++] = (int) value;
                start = comma + 1;
                commas &= commas - 1;
            }
        }
        for (; pos < to; pos++) {
            if (buf[pos] == ',') {
                long value = element(buf, start, pos);
                if (value < 0) {
                    return -1;
                }
                out[n++] = (int) value;
                start = pos + 1;
            }
        }
        // The run ends right after a comma; anything left over means it did not.
        return start == to ? n : -1;
    }

    /** Element shapes of real snapshots, and a few the scanner must turn down. */
    static final byte[][] PRIMING_RUNS = {
            bytes("7,123,1234567890,4294967295,12345678\n,99,8,1\n,0,15,33554432\n,6,"),
            bytes("1, 2 ,\n3,4\n,5,"),
            bytes("1,2,x,3,"),
            bytes("1,2]\n,\"a\",3,"),
            bytes("42949672950,1,"),
    };

    private static byte[] bytes(String text) {
        return Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), text.length() + ByteInput.PADDING);
    }

    /**
     * Runs the scanner over every element shape it meets, before a load's first array. Compiled from the first
     * array alone, it met nine- and ten-digit node ids (which V8 gives native objects) only at the end of the nodes
     * and had to be thrown away and compiled again; and it was first compiled while it ran, which took the JIT
     * twice the work. Only the first load of a process primes: the profile it leaves serves every load after.
     */
    static void prime() {
        if (!PRIMING_NEEDED.getAndSet(false)) {
            return;
        }
        int[] out = new int[64];
        for (int round = 0; round < PRIMING_ROUNDS; round++) {
            byte[] run = PRIMING_RUNS[round % PRIMING_RUNS.length];
            scanRange(run, 0, run.length - ByteInput.PADDING, out);
        }
    }

    /** The index of the first {@code a} or {@code b} in {@code buf[from, to)}, or -1; eight bytes at a time. */
    static int indexOfEither(byte[] buf, int from, int to, byte a, byte b) {
        long as = BYTE_ONES * (a & 0xFF);
        long bs = BYTE_ONES * (b & 0xFF);
        int pos = from;
        for (; pos + 8 <= to; pos += 8) {
            long word = (long) LONGS.get(buf, pos);
            long found = zeroBytes(word ^ as) | zeroBytes(word ^ bs);
            if (found != 0) {
                return pos + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; pos < to; pos++) {
            if (buf[pos] == a || buf[pos] == b) {
                return pos;
            }
        }
        return -1;
    }

    /** High bit set in each zero byte of {@code x}, exactly (no false positives from borrows). */
    private static long zeroBytes(long x) {
        return ~(((x & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | x) & HIGH_BITS;
    }

    /**
     * The value of the element {@code buf[start, end)}: digits, optionally between JSON spaces (V8 writes a newline
     * before the comma that ends a row). -1 if it is anything else or above 2^32 - 1.
     */
    private static long element(byte[] buf, int start, int end) {
        int length = end - start;
        if (length > 0 && buf[end - 1] == '\n') {
            length--;
        }
        // Sixteen readable bytes: always so in ByteInput's padded buffer.
        if (length > 0 && start + 16 <= buf.length) {
            long word = (long) LONGS.get(buf, start);
            if (length <= 8) {
                if (digitRun(word) >= length) {
                    return digitValue(word, length);
                }
            } else if (length <= 10) {
                // Node ids pass 10^8 in long-running processes: the last eight digits from a second word.
                long low = (long) LONGS.get(buf, start + length - 8);
                if (digitRun(word) >= length - 8 && digitRun(low) == 8) {
                    long value = digitValue(word, length - 8) * 100_000_000L + digitValue(low, 8);
                    return value > MAX_UNSIGNED ? -1 : value;
                }
            }
        }
        // The general case: spaces around the number, or a buffer without padding.
        int pos = start;
        while (pos < end && isSpace(buf[pos])) {
            pos++;
        }
        long value = 0;
        int digits = 0;
        while (pos < end && buf[pos] >= '0' && buf[pos] <= '9') {
            value = value * 10 + (buf[pos++] - '0');
            if (++digits > 10) {
                return -1;
            }
        }
        while (pos < end && isSpace(buf[pos])) {
            pos++;
        }
        return digits == 0 || pos != end || value > MAX_UNSIGNED ? -1 : value;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
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
            // Fast path: a short number followed by ',' read eight bytes at a time (most numbers in a snapshot).
            if (digits == 0 && limit - pos >= 8) {
                long number = shortNumber(buf, pos, limit);
                if (number >= 0) {
                    out[n++] = (int) (number >>> 8);
                    pos += (int) (number & 0xFF);
                    continue;
                }
            }
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

    /**
     * The fast path, read eight bytes at a time: if {@code buf[pos..limit)} (at least 8 bytes) starts with one to
     * eight digits and a comma (or a newline and a comma), returns the number's value shifted left by 8 plus the
     * bytes it takes with its comma; otherwise -1.
     */
    private static long shortNumber(byte[] buf, int pos, int limit) {
        long word = (long) LONGS.get(buf, pos);
        int length = digitRun(word);
        int end = pos + length;
        // Eight digits are common too: node indexes (to_node, object_index) of big snapshots.
        if (length == 0 || end >= limit) {
            return -1;
        }
        byte next = buf[end];
        if (next == ',') {
            return ((long) digitValue(word, length) << 8) | (length + 1);
        }
        // V8 ends every row with a newline before the comma: "…,0\n,9,…".
        if (next == '\n' && end + 1 < limit && buf[end + 1] == ',') {
            return ((long) digitValue(word, length) << 8) | (length + 2);
        }
        return -1;
    }

    /** How many of the word's bytes, from the first, are ASCII digits (8 when all are). */
    static int digitRun(long word) {
        // A byte is a digit when its high nibble is 3 both before and after adding 6. A carry out of a non-digit
        // byte can only disturb the bytes after it, which are not counted.
        long notDigit = ((word & HIGH_NIBBLES) ^ ZEROS) | (((word + SIXES) & HIGH_NIBBLES) ^ ZEROS);
        long nonZeroBytes = (notDigit | ((notDigit & LOW_SEVEN_BITS) + LOW_SEVEN_BITS)) & HIGH_BITS;
        return Long.numberOfTrailingZeros(nonZeroBytes) >>> 3;
    }

    /** The value of the first {@code length} (1 to 8) digit bytes of the word. */
    static int digitValue(long word, int length) {
        // Shift the digits to the top so the bytes below become leading zeros, then combine pairs, quads, halves.
        // (A shift by 64 is a shift by 0 in Java, which is right for eight digits.)
        long v = (word - ZEROS) << (64 - 8 * length);
        v = v * 10 + (v >>> 8);
        v = ((v & 0x0000_00FF_0000_00FFL) * (100 + (1_000_000L << 32))
                + ((v >>> 16) & 0x0000_00FF_0000_00FFL) * (1 + (10_000L << 32))) >>> 32;
        return (int) v;
    }

    private SnapshotFormatException error(String problem, int bufferIndex, int n) {
        return in.errorAt(problem + " (element " + (elementsRead + n) + ")", bufferIndex);
    }
}
