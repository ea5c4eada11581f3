package io.heapscope.model.snapshot;

import java.io.ByteArrayOutputStream;

/**
 * Encodes text chunks to UTF-8, carrying a high surrogate that ends one chunk over to the next: chunk boundaries
 * fall anywhere, even inside a surrogate pair. (V8 writes snapshots as ASCII with {@code \\u} escapes, so this is
 * the rare path; lone surrogates outside escapes become U+FFFD.)
 */
final class Utf8Encoder {
    private char pendingHigh;

    byte[] encode(CharSequence text, boolean end) {
        if (pendingHigh == 0) {
            byte[] ascii = asciiOrNull(text);
            if (ascii != null) {
                return ascii;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 4);
        int i = 0;
        if (pendingHigh != 0) {
            if (text.length() > 0 && Character.isLowSurrogate(text.charAt(0))) {
                writeCodePoint(out, Character.toCodePoint(pendingHigh, text.charAt(0)));
                i = 1;
            } else if (text.length() > 0 || end) {
                writeCodePoint(out, 0xFFFD);
            }
            if (text.length() > 0 || end) {
                pendingHigh = 0;
            }
        }
        for (int n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.write(c);
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n) {
                    char low = text.charAt(i + 1);
                    if (Character.isLowSurrogate(low)) {
                        writeCodePoint(out, Character.toCodePoint(c, low));
                        i++;
                    } else {
                        writeCodePoint(out, 0xFFFD);
                    }
                } else if (end) {
                    writeCodePoint(out, 0xFFFD);
                } else {
                    pendingHigh = c;
                }
            } else if (Character.isLowSurrogate(c)) {
                writeCodePoint(out, 0xFFFD);
            } else {
                writeCodePoint(out, c);
            }
        }
        return out.toByteArray();
    }

    /** The common case: the whole chunk is ASCII, one byte per char. */
    private static byte[] asciiOrNull(CharSequence text) {
        int n = text.length();
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            bytes[i] = (byte) c;
        }
        return bytes;
    }

    private static void writeCodePoint(ByteArrayOutputStream out, int codePoint) {
        if (codePoint < 0x80) {
            out.write(codePoint);
        } else if (codePoint < 0x800) {
            out.write(0xC0 | (codePoint >> 6));
            out.write(0x80 | (codePoint & 0x3F));
        } else if (codePoint < 0x10000) {
            out.write(0xE0 | (codePoint >> 12));
            out.write(0x80 | ((codePoint >> 6) & 0x3F));
            out.write(0x80 | (codePoint & 0x3F));
        } else {
            out.write(0xF0 | (codePoint >> 18));
            out.write(0x80 | ((codePoint >> 12) & 0x3F));
            out.write(0x80 | ((codePoint >> 6) & 0x3F));
            out.write(0x80 | (codePoint & 0x3F));
        }
    }
}
