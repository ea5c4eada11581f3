package io.heapscope.model.graph;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StringTableTest {
    private static StringTable table() {
        StringTable.Builder builder = new StringTable.Builder(64);
        for (String plain : new String[] {"", "Array", "Arrays", "system / NativeContext"}) {
            byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
            builder.addPlain(bytes, 0, bytes.length);
        }
        builder.add("Ärray \u2028");
        return builder.build();
    }

    @Test
    void lengthsAndCharactersOfPlainAndDecodedStrings() {
        StringTable strings = table();

        assertEquals(0, strings.length(0));
        assertEquals(22, strings.length(3));
        assertEquals('N', strings.charAt(3, 9));
        assertEquals(7, strings.length(4));
        assertEquals('\u2028', strings.charAt(4, 6));
        assertEquals('Ä', strings.charAt(4, 0));
        assertThrows(StringIndexOutOfBoundsException.class, () -> strings.charAt(1, 5), "past a plain string");
        assertThrows(StringIndexOutOfBoundsException.class, () -> strings.charAt(1, -1));
    }

    @Test
    void comparesPlainAndDecodedStringsWithoutMakingThem() {
        StringTable strings = table();

        assertTrue(strings.is(0, ""));
        assertTrue(strings.is(1, "Array"));
        assertFalse(strings.is(1, "Arrays"), "longer text");
        assertFalse(strings.is(2, "Array"), "shorter text");
        assertFalse(strings.is(1, "Arrey"), "same length, other text");
        assertTrue(strings.is(3, "system / NativeContext"));
        assertTrue(strings.is(4, "Ärray \u2028"));
        assertFalse(strings.is(1, "Ärray"), "a non-ASCII character is never a plain byte");
        strings.get(1);
        assertTrue(strings.is(1, "Array"), "a plain string once made compares the same");
    }

    @Test
    void readMakesAPlainStringWithoutKeepingIt() {
        StringTable strings = table();

        String read = strings.read(2);
        assertEquals("Arrays", read);
        assertNotSame(read, strings.read(2));
        String kept = strings.get(2);
        assertSame(kept, strings.read(2), "once made, the kept string is returned");
        assertEquals("Ärray \u2028", strings.read(4));
    }
}
