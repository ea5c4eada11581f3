package io.heapscope.model.snapshot;

import io.heapscope.model.graph.StringTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The strings section is read on two threads, split at line breaks: every kind of string, in sections far longer
 * than a read buffer, comes out as written, whether V8's line breaks are there or not.
 */
class StringsSectionTest {
    private static final String[] ODD = {"", "tab\there", "quote \" and backslash \\", "line\nbreak",
            "café ✓", "\ud83d\ude00 emoji", "lone \ud800 surrogate", "nul \u0000 char", "a", "{\"json\": [1, 2]}"};

    @Test
    void readsManyStringsOfEveryKindAcrossBuffers() throws IOException {
        List<String> expected = manyStrings(300_000);
        for (boolean rawUtf8 : new boolean[] {false, true}) {
            StringBuilder section = new StringBuilder("[");
            for (int i = 0; i < expected.size(); i++) {
                section.append(i == 0 ? "" : ",\n").append(rawUtf8 ? rawQuote(expected.get(i))
                        : SyntheticSnapshot.quote(expected.get(i)));
            }
            assertStrings(expected, section.append("]").toString());
        }
    }

    @Test
    void readsStringsWithoutLineBreaksOrWithSpacesAroundCommas() throws IOException {
        List<String> expected = manyStrings(100_000);
        StringBuilder noBreaks = new StringBuilder("[");
        StringBuilder spaced = new StringBuilder("[");
        for (int i = 0; i < expected.size(); i++) {
            String quoted = SyntheticSnapshot.quote(expected.get(i));
            noBreaks.append(i == 0 ? "" : ",").append(quoted);
            spaced.append(i == 0 ? "\n " : " ,\n\t").append(quoted).append(i % 3 == 0 ? "\r\n" : " ");
        }
        assertStrings(expected, noBreaks.append("]").toString());
        assertStrings(expected, spaced.append("\n]").toString());
    }

    @Test
    void aBadEscapeFarIntoTheSectionIsReportedWhereItIs() {
        List<String> strings = manyStrings(200_000);
        StringBuilder section = new StringBuilder("[");
        for (int i = 0; i < strings.size(); i++) {
            section.append(i == 0 ? "" : ",\n").append(i == 150_000 ? "\"bad \\q escape\""
                    : SyntheticSnapshot.quote(strings.get(i)));
        }
        String json = snapshotWith(section.append("]").toString());
        SnapshotFormatException error = assertThrows(SnapshotFormatException.class, () -> Snapshots.read(json));
        long at = json.getBytes(StandardCharsets.UTF_8).length - json.substring(json.indexOf("\\q escape"))
                .getBytes(StandardCharsets.UTF_8).length;
        assertEquals("strings", error.section());
        assertTrue(Math.abs(error.byteOffset() - at) <= 2, error.byteOffset() + " vs " + at);
    }

    @Test
    void aMissingCommaFarIntoTheSectionIsReported() {
        List<String> strings = manyStrings(200_000);
        StringBuilder section = new StringBuilder("[");
        for (int i = 0; i < strings.size(); i++) {
            section.append(i == 0 ? "" : i == 150_000 ? "\n" : ",\n").append(SyntheticSnapshot.quote(strings.get(i)));
        }
        String json = snapshotWith(section.append("]").toString());
        SnapshotFormatException error = assertThrows(SnapshotFormatException.class, () -> Snapshots.read(json));
        assertTrue(error.getMessage().contains("expected ',' or ']' after string 149999"), error.getMessage());
    }

    private static void assertStrings(List<String> expected, String section) throws IOException {
        String json = snapshotWith(section);
        StringTable read = Snapshots.read(json).graph().strings();
        assertEquals(expected.size(), read.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), read.get(i), "string " + i);
        }
    }

    /** The small synthetic snapshot's graph, with its strings section replaced (its names all come first). */
    private static String snapshotWith(String section) {
        String json = SyntheticSnapshot.small().json();
        return json.substring(0, json.indexOf("\"strings\":") + "\"strings\":".length()) + section + "}";
    }

    /** The small snapshot's own strings first (its nodes and edges name them), then many of every kind. */
    private static List<String> manyStrings(int count) {
        SyntheticSnapshot small = SyntheticSnapshot.small();
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < small.stringCount(); i++) {
            strings.add(small.stringAt(i));
        }
        Random random = new Random(3);
        while (strings.size() < count) {
            int kind = random.nextInt(20);
            strings.add(kind < ODD.length ? ODD[kind] : "plain string " + random.nextInt(1_000_000));
        }
        // Strings longer than a read buffer: plain, not ASCII, and plain but for an escape at its very end.
        strings.set(count / 2, "long ✓ ".repeat(400_000));
        strings.set(count / 3, "plain ".repeat(500_000));
        strings.set(count / 4, "plain until ".repeat(250_000) + "the end\n");
        return strings;
    }

    /** A string literal with raw UTF-8 (as Chrome writes), escaping only what JSON requires. */
    private static String rawQuote(String value) {
        StringBuilder text = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                text.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !validPair(value, i)) {
                text.append(String.format("\\u%04x", (int) c));
            } else {
                text.append(c);
            }
        }
        return text.append('"').toString();
    }

    private static boolean validPair(String value, int i) {
        char c = value.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }
}
