package io.heapscope.model.analysis;

import io.heapscope.model.graph.StringTable;

/**
 * Whether a string is V8's name for an edge of a WeakMap entry, exactly as DevTools' pattern decides:
 * {@code ^\d+( / part of key \(.*? @\d+\) -> value \(.*? @\d+\) pair in WeakMap \(table @(\d+)\))$}, where
 * {@code .} is anything but a line terminator ({@code \n}, {@code \r}, U+2028, U+2029).
 *
 * <p>Checked by hand rather than with a regular expression, which took a second of the 1.1 GB benchmark file's
 * load for its 349,000 entry names, while the dominator tree's thread waited for them. The groups do not depend
 * on how the pattern's two lazy parts split the name, only on whether some split matches: the pair key is all but
 * the leading number, the table id the digits before the last bracket. {@code WeakMapEntryNameTest} holds the
 * check to the pattern.
 */
final class WeakMapEntryName {
    private static final String KEY = " / part of key (";
    private static final String VALUE = ") -> value (";
    private static final String TABLE = " pair in WeakMap (table @";
    private static final String ID = " @";
    /** The shortest name the pattern matches. */
    private static final int SHORTEST = "0 / part of key ( @0) -> value ( @0) pair in WeakMap (table @0)".length();

    private WeakMapEntryName() {
    }

    /**
     * False for string {@code index} of {@code strings} when it cannot be an entry's name, by its length and its
     * first and last characters, without making it a {@link String}: that turns away almost every string.
     */
    static boolean mayBe(StringTable strings, int index) {
        int length = strings.length(index);
        return length >= SHORTEST && strings.charAt(index, length - 1) == ')' && isDigit(strings.charAt(index, 0));
    }

    /** Where the pair key starts in {@code name} (after the leading number), or -1 if it is no entry's name. */
    static int pairKeyStart(String name) {
        int length = name.length();
        int number = digitsFrom(name, 0);
        if (number == 0 || !name.startsWith(KEY, number) || length == 0 || name.charAt(length - 1) != ')') {
            return -1;
        }
        // The name is KEY-prefixed, then the middle: A " @" digits ") -> value (" B " @" digits ")", then TABLE,
        // the table's id and ")".
        int tableId = length - 1 - digitsBefore(name, length - 1);
        int middleFrom = number + KEY.length();
        int middleTo = tableId - TABLE.length();
        if (tableId == length - 1 || middleTo < middleFrom || !name.startsWith(TABLE, middleTo)
                || name.charAt(middleTo - 1) != ')') {
            return -1;
        }
        int valueId = middleTo - 1 - digitsBefore(name, middleTo - 1);
        int valueEnd = valueId - ID.length();
        if (valueId == middleTo - 1 || valueEnd < middleFrom || !name.startsWith(ID, valueEnd)) {
            return -1;
        }
        if (!hasKeyBeforeValue(name, middleFrom, valueEnd)) {
            return -1;
        }
        for (int i = middleFrom; i < middleTo; i++) {
            char c = name.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                return -1;
            }
        }
        return number;
    }

    /** The table's id in an entry's name: the digits before its last bracket; -1 when they do not fit a long. */
    static long tableId(String name) {
        int end = name.length() - 1;
        try {
            return Long.parseLong(name, end - digitsBefore(name, end), end, 10);
        } catch (NumberFormatException tooLong) {
            return -1;
        }
    }

    /**
     * Some {@code ") -> value ("} within {@code [from, valueEnd)} follows {@code " @"} and digits at or after
     * {@code from}: the key's part of the middle. Names may hold that text more than once; any one will do.
     */
    private static boolean hasKeyBeforeValue(String name, int from, int valueEnd) {
        for (int at = name.indexOf(VALUE, from); at >= 0 && at + VALUE.length() <= valueEnd;
             at = name.indexOf(VALUE, at + 1)) {
            int keyId = at - digitsBefore(name, at);
            if (keyId != at && keyId - ID.length() >= from && name.startsWith(ID, keyId - ID.length())) {
                return true;
            }
        }
        return false;
    }

    private static int digitsFrom(String text, int from) {
        int at = from;
        while (at < text.length() && isDigit(text.charAt(at))) {
            at++;
        }
        return at - from;
    }

    private static int digitsBefore(String text, int end) {
        int at = end;
        while (at > 0 && isDigit(text.charAt(at - 1))) {
            at--;
        }
        return end - at;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
