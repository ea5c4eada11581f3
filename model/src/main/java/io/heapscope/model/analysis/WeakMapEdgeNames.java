package io.heapscope.model.analysis;

import io.heapscope.model.graph.StringTable;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises V8's names for WeakMap entries: the value of an entry is held by two internal edges, one from the key
 * and one from the table, both named {@code <n> / part of key (<k> @<id>) -> value (<v> @<id>) pair in WeakMap
 * (table @<t>)}. Each distinct name (string index) is parsed once, as DevTools caches it; the check per edge is an
 * array read.
 */
final class WeakMapEdgeNames {
    // DevTools' pattern, with JavaScript's '.' (anything but \n, \r, U+2028, U+2029) spelled out.
    private static final String ANY = "[^\\n\\r\\u2028\\u2029]";
    private static final Pattern ENTRY = Pattern.compile("^\\d+( / part of key \\(" + ANY + "*? @\\d+\\) -> value \\("
            + ANY + "*? @\\d+\\) pair in WeakMap \\(table @(\\d+)\\))$");
    private static final byte UNKNOWN = 0;
    private static final byte NOT_AN_ENTRY = 1;
    private static final byte AN_ENTRY = 2;

    /** A parsed entry name: the part both edges of a pair share, and the table's id. */
    record Entry(String pairKey, long tableId) {
    }

    private final StringTable strings;
    private final byte[] state;
    private final Map<Integer, Entry> entries = new HashMap<>();

    WeakMapEdgeNames(StringTable strings) {
        this.strings = strings;
        this.state = new byte[strings.size()];
    }

    /** The entry the name at {@code nameIndex} describes, or {@code null} if it is not a WeakMap entry name. */
    Entry entry(int nameIndex) {
        byte known = state[nameIndex];
        if (known == NOT_AN_ENTRY) {
            return null;
        }
        if (known == AN_ENTRY) {
            return entries.get(nameIndex);
        }
        Entry entry = parse(strings.read(nameIndex));
        state[nameIndex] = entry == null ? NOT_AN_ENTRY : AN_ENTRY;
        if (entry != null) {
            entries.put(nameIndex, entry);
        }
        return entry;
    }

    private static Entry parse(String name) {
        // Cheap test first: almost no edge name is an entry name.
        if (!name.contains("pair in WeakMap")) {
            return null;
        }
        Matcher matcher = ENTRY.matcher(name);
        if (!matcher.matches()) {
            return null;
        }
        long tableId;
        try {
            tableId = Long.parseLong(matcher.group(2));
        } catch (NumberFormatException tooLong) {
            tableId = -1;
        }
        return new Entry(matcher.group(1), tableId);
    }
}
