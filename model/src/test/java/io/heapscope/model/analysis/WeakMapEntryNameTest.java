package io.heapscope.model.analysis;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written check against DevTools' own pattern, on real-shaped names and on many made of its pieces. */
class WeakMapEntryNameTest {
    // DevTools' pattern, with JavaScript's '.' (anything but \n, \r, U+2028, U+2029) spelled out.
    private static final String ANY = "[^\\n\\r\\u2028\\u2029]";
    private static final Pattern DEVTOOLS = Pattern.compile("^\\d+( / part of key \\(" + ANY + "*? @\\d+\\) -> value \\("
            + ANY + "*? @\\d+\\) pair in WeakMap \\(table @(\\d+)\\))$");
    private static final String[] PIECES = {"1", "23", "0", " @", "@", " ", "(", ")", " / part of key (",
        ") -> value (", " -> value (", " pair in WeakMap (table @", " pair in WeakMap (table @7)", "Key", "é",
        "\n", "\r", "\u2028", "\u2029", "x", " @5)", " @12) -> value ("};

    private static void assertAsDevTools(String name) {
        Matcher matcher = DEVTOOLS.matcher(name);
        boolean entry = matcher.matches();
        int keyStart = WeakMapEntryName.pairKeyStart(name);
        assertEquals(entry, keyStart >= 0, () -> "an entry's name? " + name.replace("\n", "\\n"));
        if (entry) {
            assertEquals(matcher.group(1), name.substring(keyStart), "pair key");
            long table;
            try {
                table = Long.parseLong(matcher.group(2));
            } catch (NumberFormatException tooLong) {
                table = -1;
            }
            assertEquals(table, WeakMapEntryName.tableId(name), "table id");
        }
    }

    @Test
    void namesV8WritesAndNamesNearThem() {
        String entry = "1 / part of key (Object @21) -> value (Value @23) pair in WeakMap (table @25)";
        assertAsDevTools(entry);
        assertTrue(WeakMapEntryName.pairKeyStart(entry) > 0);
        for (String name : new String[] {
            entry,
            "12 / part of key ( @1) -> value ( @2) pair in WeakMap (table @3)",
            "12 / part of key (a @1) -> value (b @2) -> value (c @3) pair in WeakMap (table @4)",
            "12 / part of key (a) -> value (b @2) pair in WeakMap (table @4)",
            "12 / part of key (a @1) -> value (b) pair in WeakMap (table @4)",
            "12 / part of key (a @1) -> value (b @2) pair in WeakMap (table @)",
            "12 / part of key (a @1) -> value (b @2) pair in WeakMap (table @99999999999999999999)",
            "12 / part of key (a @1) -> value (b @2)@ pair in WeakMap (table @4)",
            "12 / part of key (@1) -> value (b @2) pair in WeakMap (table @4)",
            "12 / part of key (a @1) -> value (b\n @2) pair in WeakMap (table @4)",
            " / part of key (a @1) -> value (b @2) pair in WeakMap (table @4)",
            "1 / part of key (a @1) -> value ( @2) pair in WeakMap (table @4)\n",
            "map", "", ")", "1", "1 / part of key (",
        }) {
            assertAsDevTools(name);
        }
    }

    @Test
    void namesMadeOfThePatternsPieces() {
        Random random = new Random(8);
        int entries = 0;
        for (int round = 0; round < 200_000; round++) {
            StringBuilder name = new StringBuilder();
            // Mostly the pattern's own skeleton with pieces spliced in, so that many are entries or nearly.
            if (random.nextBoolean()) {
                name.append(random.nextInt(100)).append(" / part of key (");
                for (int i = random.nextInt(4); i > 0; i--) {
                    name.append(PIECES[random.nextInt(PIECES.length)]);
                }
                name.append(" @").append(random.nextInt(50)).append(") -> value (");
                for (int i = random.nextInt(4); i > 0; i--) {
                    name.append(PIECES[random.nextInt(PIECES.length)]);
                }
                name.append(" @").append(random.nextInt(50)).append(") pair in WeakMap (table @")
                        .append(random.nextInt(50)).append(')');
                if (random.nextInt(4) == 0) {
                    int at = random.nextInt(name.length() + 1);
                    name.insert(at, PIECES[random.nextInt(PIECES.length)]);
                }
            } else {
                for (int i = random.nextInt(9); i > 0; i--) {
                    name.append(PIECES[random.nextInt(PIECES.length)]);
                }
            }
            String text = name.toString();
            assertAsDevTools(text);
            if (DEVTOOLS.matcher(text).matches()) {
                entries++;
            }
        }
        assertTrue(entries > 20_000, "enough entry names among them: " + entries);
    }
}
