package io.heapscope.model.snapshot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The general JSON pieces of a snapshot: strings (all escapes, surrogates kept as written, raw UTF-8 decoded), the
 * small {@code snapshot} header as plain maps and lists, and skipping of sections we do not know. The big number
 * arrays go through {@link NumberArrayScanner} instead.
 */
final class JsonText {
    /** The header is a few kilobytes; anything far bigger is not a V8 snapshot header. */
    private static final int MAX_HEADER_VALUES = 100_000;
    private static final int MAX_HEADER_DEPTH = 32;

    private final ByteInput in;
    private final StringBuilder scratch = new StringBuilder();
    private final char[] chars = new char[4096];
    private int headerValues;

    JsonText(ByteInput in) {
        this.in = in;
    }

    /** Reads a string whose opening quote is next (after optional whitespace). */
    String readString() throws IOException {
        in.expect('"', "to start a string");
        return readStringBody();
    }

    /** Reads the rest of a string whose opening quote was consumed. */
    String readStringBody() throws IOException {
        // Fast path: the whole string is plain ASCII inside the buffer.
        byte[] buf = in.buf;
        int start = in.pos;
        int limit = in.limit;
        for (int i = start; i < limit; i++) {
            byte b = buf[i];
            if (b == '"') {
                in.pos = i + 1;
                return new String(buf, start, i - start, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            if (b == '\\' || b < 0) {
                break;
            }
        }
        return readStringSlowly("");
    }

    /** Reads the rest of a string whose opening quote and first characters, {@code prefix}, were consumed. */
    String readStringBodyAfter(String prefix) throws IOException {
        return readStringSlowly(prefix);
    }

    private String readStringSlowly(String prefix) throws IOException {
        StringBuilder text = scratch;
        text.setLength(0);
        text.append(prefix);
        while (true) {
            if (in.pos == in.limit && !in.fill()) {
                throw in.truncated();
            }
            byte[] buf = in.buf;
            int i = in.pos;
            int limit = in.limit;
            // Copy the plain ASCII run in one go.
            int runStart = i;
            while (i < limit) {
                byte b = buf[i];
                if (b == '"' || b == '\\' || b < 0) {
                    break;
                }
                i++;
            }
            appendAscii(text, buf, runStart, i);
            in.pos = i;
            if (i == limit) {
                continue;
            }
            byte b = buf[i];
            in.pos = i + 1;
            if (b == '"') {
                String result = text.toString();
                if (text.length() > (1 << 16)) {
                    // Don't keep a huge scratch buffer alive for the rest of the load.
                    scratch.setLength(0);
                    scratch.trimToSize();
                }
                return result;
            } else if (b == '\\') {
                readEscape(text);
            } else {
                readUtf8(b & 0xFF, text);
            }
        }
    }

    /** Appends ASCII bytes as chars through a reusable char buffer, not one append call per char. */
    private void appendAscii(StringBuilder text, byte[] buf, int from, int to) {
        while (from < to) {
            int n = Math.min(to - from, chars.length);
            for (int k = 0; k < n; k++) {
                chars[k] = (char) buf[from + k];
            }
            text.append(chars, 0, n);
            from += n;
        }
    }

    private void readEscape(StringBuilder text) throws IOException {
        int c = in.read();
        switch (c) {
            case '"' -> text.append('"');
            case '\\' -> text.append('\\');
            case '/' -> text.append('/');
            case 'b' -> text.append('\b');
            case 'f' -> text.append('\f');
            case 'n' -> text.append('\n');
            case 'r' -> text.append('\r');
            case 't' -> text.append('\t');
            // Lone surrogates and \u0000 are kept as written: names in real snapshots contain them.
            case 'u' -> text.append((char) readHex4());
            case -1 -> throw in.truncated();
            default -> throw in.unexpected(c, "expected an escape character after '\\'");
        }
    }

    private int readHex4() throws IOException {
        int value = 0;
        for (int k = 0; k < 4; k++) {
            int c = in.read();
            int digit = Character.digit(c, 16);
            if (c < 0) {
                throw in.truncated();
            }
            if (digit < 0) {
                throw in.unexpected(c, "expected a hex digit in a \\u escape");
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /** Decodes one UTF-8 sequence whose lead byte was consumed; malformed input becomes U+FFFD. */
    private void readUtf8(int lead, StringBuilder text) throws IOException {
        int extra;
        int codePoint;
        if (lead >= 0xF0 && lead <= 0xF4) {
            extra = 3;
            codePoint = lead & 0x07;
        } else if (lead >= 0xE0) {
            extra = 2;
            codePoint = lead & 0x0F;
        } else if (lead >= 0xC2 && lead < 0xE0) {
            extra = 1;
            codePoint = lead & 0x1F;
        } else {
            text.append('\uFFFD');
            return;
        }
        for (int k = 0; k < extra; k++) {
            int c = in.peek();
            if (c < 0) {
                throw in.truncated();
            }
            if ((c & 0xC0) != 0x80) {
                text.append('\uFFFD');
                return;
            }
            in.pos++;
            codePoint = (codePoint << 6) | (c & 0x3F);
        }
        text.appendCodePoint(Character.isValidCodePoint(codePoint) ? codePoint : 0xFFFD);
    }

    /**
     * Reads a small JSON value: objects become {@code Map<String,Object>}, arrays {@code List<Object>}, numbers
     * {@code Long} or {@code Double}. Bounded in depth and size, so a malicious header cannot exhaust memory.
     */
    Object readSmallValue() throws IOException {
        headerValues = 0;
        return readSmallValue(0);
    }

    private Object readSmallValue(int depth) throws IOException {
        if (depth > MAX_HEADER_DEPTH) {
            throw in.error("header nested too deeply");
        }
        if (++headerValues > MAX_HEADER_VALUES) {
            throw in.error("header too large (more than " + MAX_HEADER_VALUES + " values)");
        }
        int c = in.peekNonSpace();
        switch (c) {
            case '{' -> {
                in.pos++;
                Map<String, Object> object = new LinkedHashMap<>();
                if (in.peekNonSpace() == '}') {
                    in.pos++;
                    return object;
                }
                while (true) {
                    String key = readString();
                    in.expect(':', "after an object key");
                    object.put(key, readSmallValue(depth + 1));
                    int next = in.peekNonSpace();
                    in.pos++;
                    if (next == '}') {
                        return object;
                    }
                    if (next != ',') {
                        in.pos--;
                        throw in.unexpected(next, "expected ',' or '}' in an object");
                    }
                }
            }
            case '[' -> {
                in.pos++;
                List<Object> array = new ArrayList<>();
                if (in.peekNonSpace() == ']') {
                    in.pos++;
                    return array;
                }
                while (true) {
                    array.add(readSmallValue(depth + 1));
                    int next = in.peekNonSpace();
                    in.pos++;
                    if (next == ']') {
                        return array;
                    }
                    if (next != ',') {
                        in.pos--;
                        throw in.unexpected(next, "expected ',' or ']' in an array");
                    }
                }
            }
            case '"' -> {
                in.pos++;
                return readStringBody();
            }
            case 't' -> {
                readWord("true");
                return Boolean.TRUE;
            }
            case 'f' -> {
                readWord("false");
                return Boolean.FALSE;
            }
            case 'n' -> {
                readWord("null");
                return null;
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return readSmallNumber();
                }
                throw in.unexpected(c, "expected a JSON value");
            }
        }
    }

    private void readWord(String word) throws IOException {
        for (int k = 0; k < word.length(); k++) {
            int c = in.read();
            if (c != word.charAt(k)) {
                in.pos--;
                throw in.unexpected(c, "expected '" + word + "'");
            }
        }
    }

    private Number readSmallNumber() throws IOException {
        StringBuilder digits = new StringBuilder();
        while (true) {
            int c = in.peek();
            if (c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' || (c >= '0' && c <= '9')) {
                if (digits.length() > 64) {
                    throw in.error("number too long");
                }
                digits.append((char) c);
                in.pos++;
            } else {
                break;
            }
        }
        String text = digits.toString();
        try {
            if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
                return Long.parseLong(text);
            }
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw in.error("malformed number '" + text + "'");
        }
    }

    /**
     * Skips any JSON value without building it: strings are scanned, brackets counted. Iterative, so nesting depth
     * costs nothing, and memory stays constant whatever the value's size.
     */
    void skipValue() throws IOException {
        int first = in.peekNonSpace();
        if (first < 0) {
            throw in.truncated();
        }
        if (first != '{' && first != '[') {
            in.pos++;
            if (first == '"') {
                skipStringBody();
            } else {
                skipScalarRest();
            }
            return;
        }
        int depth = 0;
        do {
            int c = in.peekNonSpace();
            if (c < 0) {
                throw in.truncated();
            }
            in.pos++;
            switch (c) {
                case '{', '[' -> depth++;
                case '}', ']' -> depth--;
                case '"' -> skipStringBody();
                default -> {
                    // Numbers, literals, ',' and ':': structure is checked only as far as nesting goes.
                }
            }
        } while (depth > 0);
    }

    private void skipScalarRest() throws IOException {
        while (true) {
            int c = in.peek();
            if (c < 0 || c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                return;
            }
            in.pos++;
        }
    }

    private void skipStringBody() throws IOException {
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw in.truncated();
            }
            if (c == '"') {
                return;
            }
            if (c == '\\' && in.read() < 0) {
                throw in.truncated();
            }
        }
    }
}
