package io.heapscope.model.snapshot;

import io.heapscope.model.graph.NodeColumns;
import io.heapscope.model.graph.TypeNames;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the reader's hot loops on a little made-up data while the process starts, so that the JIT has compiled them
 * before the first load. A command-line run spends its first quarter second building picocli's model in code not
 * yet compiled, on one core; without this, the first megabytes of a big file were read by code still being
 * compiled, on a second core the compiler shared with the two reading threads.
 */
public final class ReaderWarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** Enough calls of a fill for the JIT's final tier: it counts calls and loop turns. */
    private static final int FILL_CALLS = 1_000;
    private static final int ROWS_PER_FILL = 48;
    private static final int BUILDER_CALLS = 50;
    private static final List<String> NODE_FIELDS = List.of("type", "name", "id", "self_size", "edge_count",
            "trace_node_id", "detachedness");
    private static final List<String> EDGE_FIELDS = List.of("type", "name_or_index", "to_node");
    private static final TypeNames NODE_TYPES = new TypeNames(List.of("hidden", "array", "string", "object", "code",
            "closure", "regexp", "number", "native", "synthetic", "concatenated string", "sliced string", "symbol",
            "bigint", "object shape"));
    private static final TypeNames EDGE_TYPES = new TypeNames(List.of("context", "element", "property", "internal",
            "hidden", "shortcut", "weak"));

    private ReaderWarmUp() {
    }

    /** Starts the warm-up on a daemon thread of its own, once per process; returns at once. */
    public static void startBeside() {
        if (!STARTED.getAndSet(true)) {
            Thread thread = new Thread(ReaderWarmUp::run, "heapscope-reader-warm-up");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    private static void run() {
        try {
            warmUp();
        } catch (SnapshotFormatException | RuntimeException e) {
            // Made-up rows that fail are a bug (ReaderWarmUpTest), but only a load can tell the user about a file.
        }
    }

    static void warmUp() throws SnapshotFormatException {
        NumberArrayScanner.prime();
        fillRows();
    }

    private static void fillRows() throws SnapshotFormatException {
        SnapshotMeta meta = new SnapshotMeta(NODE_FIELDS, NODE_TYPES, EDGE_FIELDS, EDGE_TYPES, List.of(), List.of(),
                List.of(), List.of());
        int nodeCount = ROWS_PER_FILL * 8;
        int[] nodeRows = new int[ROWS_PER_FILL * NODE_FIELDS.size()];
        int[] edgeRows = new int[ROWS_PER_FILL * EDGE_FIELDS.size()];
        for (int r = 0; r < ROWS_PER_FILL; r++) {
            int at = r * NODE_FIELDS.size();
            nodeRows[at] = r % NODE_TYPES.size();
            nodeRows[at + 1] = 17 * r;
            nodeRows[at + 2] = r % 3 == 0 ? 0x9000_0000 + 2 * r : 1 + 2 * r;
            nodeRows[at + 3] = 8 * r + 16;
            nodeRows[at + 4] = r % 4;
            // Node.js marks a few native objects attached or detached near the end of its nodes; a fill compiled
            // without ever seeing one was thrown away there.
            nodeRows[at + 5] = r % 7 == 0 ? r : 0;
            nodeRows[at + 6] = r % 5 == 0 ? 1 + r % 2 : 0;
            int edge = r * EDGE_FIELDS.size();
            edgeRows[edge] = r % EDGE_TYPES.size();
            edgeRows[edge + 1] = 31 * r;
            edgeRows[edge + 2] = (r * 5 % nodeCount) * NODE_FIELDS.size();
        }
        NodeColumnsBuilder nodes = null;
        for (int call = 0; call < FILL_CALLS; call++) {
            // A fresh builder now and then: a real load makes its detachedness column at a late first known value,
            // and a fill compiled as if the column always existed was thrown away there.
            if (call % BUILDER_CALLS == 0) {
                nodes = new NodeColumnsBuilder(meta, nodeCount, Runnable::run);
            }
            nodes.fill(nodeRows, 0, ROWS_PER_FILL, (call % 8) * ROWS_PER_FILL);
        }
        int[] firstEdge = new int[nodeCount + 1];
        firstEdge[nodeCount] = nodeCount;
        NodeColumns columns = new NodeColumns(nodeCount, new byte[nodeCount], new int[nodeCount],
                new int[nodeCount], new int[nodeCount], firstEdge, null, null);
        EdgeColumnsBuilder edges = new EdgeColumnsBuilder(meta, columns, new EdgeColumnsBuilder.Arrays(nodeCount));
        for (int call = 0; call < FILL_CALLS; call++) {
            edges.fill(edgeRows, 0, ROWS_PER_FILL, (call % 8) * ROWS_PER_FILL);
        }
    }
}
