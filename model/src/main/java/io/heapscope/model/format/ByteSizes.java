package io.heapscope.model.format;

import java.util.Locale;

/** Sizes as people read them. One definition so the app, the command line and reports agree. */
public final class ByteSizes {
    private static final String[] UNITS = {"kB", "MB", "GB", "TB"};

    private ByteSizes() {
    }

    /**
     * {@code 1536 -> "1.5 kB"}, {@code 999 -> "999 B"}. Decimal units (1 kB = 1000 B), as Chrome DevTools shows
     * heap sizes, so our numbers read the same as theirs.
     */
    public static String human(long bytes) {
        if (bytes < 1000 && bytes > -1000) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (Math.abs(value) >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, value >= 100 || value <= -100 ? "%.0f %s" : "%.1f %s", value,
                UNITS[unit]);
    }

    /** {@code 1234567 -> "1,234,567"}. */
    public static String grouped(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
