package io.heapscope.views.heap;

import io.heapscope.model.analysis.NodeMeasures;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.format.HeapText;
import io.heapscope.model.graph.HeapGraph;
import java.util.Locale;

/** How the heap views write DevTools' numbers and names: one definition for every tree, Details and the chart. */
public final class HeapFormat {
    /** U+2212, the minus sign DevTools shows for objects without a distance. */
    public static final String NO_DISTANCE = "\u2212";

    private HeapFormat() {
    }

    /** A distance as DevTools shows it: objects only the GC roots reach, and unreached ones, have none. */
    public static String distance(int distance) {
        return distance < 0 || distance >= NodeMeasures.BASE_SYSTEM_DISTANCE ? NO_DISTANCE
                : Integer.toString(distance);
    }

    /** {@code 12 %}, {@code 0.4 %}, {@code < 0.1 %}: a share of the heap at a glance. */
    public static String percent(long part, long total) {
        if (total <= 0) {
            return "";
        }
        if (part == 0) {
            return "0 %";
        }
        double share = 100.0 * part / total;
        if (share > 0 && share < 0.1) {
            return "< 0.1 %";
        }
        return String.format(Locale.ROOT, share < 10 ? "%.1f %%" : "%.0f %%", share);
    }

    /** The exact size for a tooltip: {@code 1,234,567 bytes (12.3 % of 5.2 MB)}. */
    public static String exactSize(long bytes, long total) {
        String exact = ByteSizes.grouped(bytes) + (bytes == 1 ? " byte" : " bytes");
        return total <= 0 ? exact : exact + String.format(Locale.ROOT, " (%.2f %% of %s)", 100.0 * bytes / total,
                ByteSizes.human(total));
    }

    /**
     * An object's name as the trees show it: strings in quotes, as DevTools writes them, so {@code "Array"} the text
     * is not mistaken for an {@code Array}; otherwise {@link HeapText#nodeName}.
     */
    public static String objectName(HeapGraph graph, int node) {
        String name = HeapText.nodeName(graph, node);
        return isString(graph, node) ? "\"" + name + "\"" : name;
    }

    static boolean isString(HeapGraph graph, int node) {
        String type = graph.nodeTypeName(node);
        return type.equals("string") || type.equals("concatenated string") || type.equals("sliced string");
    }
}
