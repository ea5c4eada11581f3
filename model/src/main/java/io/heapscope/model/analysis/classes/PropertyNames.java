package io.heapscope.model.analysis.classes;

/** DevTools' {@code JSHeapSnapshotNode.formatPropertyName}: how a property name is spelled inside {@code {…}}. */
final class PropertyNames {
    private PropertyNames() {
    }

    /**
     * The name as is, unless it contains one of {@code , ' " { }}: then quoted as {@code JSON.stringify} would, so
     * that {@code {a, b}} cannot be read as two names when it is one.
     */
    static String format(String name) {
        if (!needsQuotes(name)) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length() + 8).append('"');
        int length = name.length();
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(out, c);
                    } else if (Character.isHighSurrogate(c)) {
                        // JSON.stringify (ES2019) escapes lone surrogates and keeps pairs.
                        if (i + 1 < length && Character.isLowSurrogate(name.charAt(i + 1))) {
                            out.append(c).append(name.charAt(++i));
                        } else {
                            unicodeEscape(out, c);
                        }
                    } else if (Character.isLowSurrogate(c)) {
                        unicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean needsQuotes(String name) {
        for (int i = 0, n = name.length(); i < n; i++) {
            if (isSpecial(name.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A character that makes a name need quotes. */
    static boolean isSpecial(char c) {
        return c == ',' || c == '\'' || c == '"' || c == '{' || c == '}';
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        String hex = Integer.toHexString(c);
        out.append("\\u");
        for (int pad = hex.length(); pad < 4; pad++) {
            out.append('0');
        }
        out.append(hex);
    }
}
