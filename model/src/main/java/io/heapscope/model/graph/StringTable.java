package io.heapscope.model.graph;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The snapshot's {@code strings} section: every name in the graph is an index into it. Each string is stored once.
 *
 * <p>Most strings are plain ASCII, and most are never asked for (the contents of string objects, source code).
 * Those are kept as their bytes, back to back in one array, and become a {@link String} on first use. Half a
 * million small {@code String} objects made while reading cost more than their bytes: about twice the memory, and
 * young collections copying them in the middle of the load. Strings with escapes or non-ASCII text are decoded
 * while reading and kept as strings.
 */
public final class StringTable {
    private final byte[] plain;
    /** Where string {@code i}'s bytes start in {@link #plain}; they end where string {@code i + 1}'s start. */
    private final int[] starts;
    /** Strings made: decoded while reading, or plain ones once asked for. */
    private final String[] made;

    /** Takes ownership of {@code strings}. */
    public StringTable(String[] strings) {
        this(new byte[0], new int[strings.length + 1], strings);
    }

    private StringTable(byte[] plain, int[] starts, String[] made) {
        this.plain = plain;
        this.starts = starts;
        this.made = made;
    }

    public int size() {
        return made.length;
    }

    /** Fast, in memory; a plain string's first use makes it. */
    public String get(int index) {
        String value = made[index];
        if (value == null) {
            int start = starts[index];
            value = new String(plain, start, starts[index + 1] - start, StandardCharsets.ISO_8859_1);
            // Threads may race here harmlessly: strings are immutable, and one may at worst make an equal one.
            made[index] = value;
        }
        return value;
    }

    /**
     * String {@code index}, made without being kept: for strings read once to be parsed, such as the names of
     * WeakMap entries, of which a snapshot may hold hundreds of thousands.
     */
    public String read(int index) {
        String value = made[index];
        if (value != null) {
            return value;
        }
        int start = starts[index];
        return new String(plain, start, starts[index + 1] - start, StandardCharsets.ISO_8859_1);
    }

    /** True when string {@code index} is {@code text}; unlike {@link #get}, never makes a plain string. */
    public boolean is(int index, String text) {
        String value = made[index];
        if (value != null) {
            return value.equals(text);
        }
        int start = starts[index];
        if (starts[index + 1] - start != text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            // Plain strings are ASCII, one byte a character.
            if ((plain[start + i] & 0xFF) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The length of string {@code index} in characters; never makes a plain string. */
    public int length(int index) {
        String value = made[index];
        return value != null ? value.length() : starts[index + 1] - starts[index];
    }

    /** Character {@code at} of string {@code index}; never makes a plain string. */
    public char charAt(int index, int at) {
        String value = made[index];
        if (value != null) {
            return value.charAt(at);
        }
        if (at < 0 || at >= starts[index + 1] - starts[index]) {
            throw new StringIndexOutOfBoundsException(at);
        }
        return (char) (plain[starts[index] + at] & 0xFF);
    }

    public boolean contains(int index) {
        return index >= 0 && index < made.length;
    }

    /** Collects strings in order, plain ones as bytes. */
    public static final class Builder {
        private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

        private byte[] plain;
        private int plainLength;
        private int[] starts = new int[1025];
        private String[] made = new String[1024];
        private int size;

        /** @param plainBytes about how many bytes the plain strings will take (more is fine, less costs copies) */
        public Builder(long plainBytes) {
            plain = new byte[(int) Math.max(1024, Math.min(plainBytes, MAX_ARRAY))];
        }

        public int size() {
            return size;
        }

        /** Adds a string; call only between strings (not while {@link #appendPlain} builds one). */
        public void add(String value) {
            ensureSlot();
            made[size] = value;
            size++;
            starts[size] = plainLength;
        }

        /** Adds the string whose text is {@code bytes[from, from + length)}, all ASCII without escapes. */
        public void addPlain(byte[] bytes, int from, int length) {
            if (appendPlain(bytes, from, length)) {
                finishPlain();
            } else {
                add(takeUnfinished() + new String(bytes, from, length, StandardCharsets.ISO_8859_1));
            }
        }

        /**
         * Appends ASCII text without escapes to the string being added, which {@link #finishPlain} ends. False,
         * appending nothing, once the plain text of the whole table would pass 2 GB: the caller then takes the text
         * so far as a string.
         */
        public boolean appendPlain(byte[] bytes, int from, int length) {
            long needed = plainLength + (long) length;
            if (needed > plain.length) {
                if (needed > MAX_ARRAY) {
                    return false;
                }
                plain = Arrays.copyOf(plain, (int) Math.min(Math.max(needed, plain.length + (plain.length >> 1)),
                        MAX_ARRAY));
            }
            System.arraycopy(bytes, from, plain, plainLength, length);
            plainLength += length;
            return true;
        }

        /** Ends the string that {@link #appendPlain} built. */
        public void finishPlain() {
            ensureSlot();
            size++;
            starts[size] = plainLength;
        }

        /** Takes back the text appended since the last string ended, as a string: it turned out not to be plain. */
        public String takeUnfinished() {
            int start = starts[size];
            String text = new String(plain, start, plainLength - start, StandardCharsets.ISO_8859_1);
            plainLength = start;
            return text;
        }

        private void ensureSlot() {
            if (size == made.length) {
                int capacity = (int) Math.min(MAX_ARRAY, made.length + (made.length >> 1) + 1024L);
                made = Arrays.copyOf(made, capacity);
                starts = Arrays.copyOf(starts, capacity + 1);
            }
        }

        public StringTable build() {
            // The plain bytes were sized from an upper bound: give back what is clearly more than needed.
            byte[] bytes = plainLength < plain.length - (plain.length >> 3) ? Arrays.copyOf(plain, plainLength)
                    : plain;
            StringTable table = new StringTable(bytes, Arrays.copyOf(starts, size + 1), Arrays.copyOf(made, size));
            plain = null;
            made = null;
            starts = null;
            return table;
        }
    }
}
