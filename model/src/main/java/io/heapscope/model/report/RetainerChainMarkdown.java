package io.heapscope.model.report;

import io.heapscope.model.analysis.NodeMeasures;
import io.heapscope.model.analysis.Retainers;
import io.heapscope.model.analysis.Retainers.Hop;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.format.HeapText;
import io.heapscope.model.graph.HeapGraph;

import java.util.ArrayList;
import java.util.List;

/**
 * A retainer chain as Markdown that reads like DevTools' Retainers view opened along one path: the object first,
 * then per hop upwards {@code edge in Holder @id}, each indented one level under the one it holds, with distance,
 * shallow and retained size:
 *
 * <pre>
 * - `Module @84413` · distance 4 · shallow 128 B · retained 104 kB
 *   - `[5]` in `Array @6165` · distance 3 · shallow 192 B · retained 2.1 MB
 *     - `children` in `Module @6181` · distance 2 · shallow 128 B · retained 2.3 MB
 * </pre>
 *
 * The root itself is not a line (DevTools does not list it either): the chain ends at the object the root holds.
 * Paths come from {@link Retainers#shortestPath} (root first) or any root-side-first list of hops, such as a
 * zombie's chain from its last live module. Cost: one line per hop.
 */
public final class RetainerChainMarkdown {
    private static final String MINUS = "\u2212";

    private RetainerChainMarkdown() {
    }

    /** The shortest chain from the root to {@code node}, as lines; one line saying so when nothing reaches it. */
    public static List<String> shortestPath(Retainers retainers, HeapGraph graph, NodeMeasures measures, int node) {
        List<Hop> path = retainers.shortestPath(node);
        if (path.isEmpty()) {
            return List.of("- " + code(HeapText.node(graph, node)) + " · not reachable from the root");
        }
        return lines(path, graph, measures);
    }

    /**
     * {@code path} (root side first, as {@link Retainers#shortestPath} gives it) as nested list lines, the object
     * (its last hop) first. Empty for an empty path.
     */
    public static List<String> lines(List<Hop> path, HeapGraph graph, NodeMeasures measures) {
        List<String> lines = new ArrayList<>(path.size());
        int depth = 0;
        for (int i = path.size() - 1; i >= 0; i--) {
            int node = path.get(i).node();
            if (node == 0) {
                break;
            }
            StringBuilder line = new StringBuilder("  ".repeat(depth)).append("- ");
            if (i < path.size() - 1) {
                // The edge from this object to the one on the line above.
                line.append(code(HeapText.edge(graph, path.get(i + 1).edge()))).append(" in ");
            }
            line.append(code(HeapText.node(graph, node))).append(measuresText(measures, node));
            lines.add(line.toString());
            depth++;
        }
        return lines;
    }

    /** The lines joined, each ending with a line break: ready to paste. */
    public static String text(List<Hop> path, HeapGraph graph, NodeMeasures measures) {
        StringBuilder out = new StringBuilder();
        for (String line : lines(path, graph, measures)) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /**
     * The chain on one line, root side first, for a table cell or a title:
     * {@code Module @6181 → children → Array @6165 → [5] → Module @84413}.
     */
    public static String inline(List<Hop> path, HeapGraph graph) {
        StringBuilder out = new StringBuilder();
        for (Hop hop : path) {
            if (hop.node() == 0) {
                continue;
            }
            if (out.length() > 0) {
                out.append(" → ").append(HeapText.edge(graph, hop.edge())).append(" → ");
            }
            out.append(HeapText.node(graph, hop.node()));
        }
        return out.toString();
    }

    private static String measuresText(NodeMeasures measures, int node) {
        int distance = measures.distance(node);
        // DevTools shows no distance for objects only the GC roots reach, nor for unreached ones.
        String shown = distance < 0 || distance >= NodeMeasures.BASE_SYSTEM_DISTANCE ? MINUS
                : Integer.toString(distance);
        return " · distance " + shown + " · shallow " + ByteSizes.human(measures.shallowSize(node))
                + " · retained " + ByteSizes.human(measures.retainedSize(node));
    }

    /**
     * Inline code that survives any name: a fence one backtick longer than the longest run inside, padded when the
     * text starts or ends with a backtick (CommonMark's rule).
     */
    static String code(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = text.startsWith("`") || text.endsWith("`");
        return pad ? fence + " " + text + " " + fence : fence + text + fence;
    }
}
