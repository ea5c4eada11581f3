package io.heapscope.model.snapshot;

import io.heapscope.model.graph.EdgeColumns;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.graph.NodeColumns;
import io.heapscope.model.graph.StringTable;
import io.heapscope.model.progress.ProgressMonitor;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the text of a {@code .heapsnapshot} in one streaming pass, section by section, into the columns of a
 * {@link HeapGraph}. The {@code snapshot} header must come first (V8 and DevTools always write it first) because
 * it gives the field layout; {@code nodes} must come before {@code edges} so that edge targets can be checked as
 * they are read. Unknown sections are skipped.
 *
 * <p>Memory stays bounded by the data actually present: arrays are sized from the header's counts, but never
 * beyond what the remaining input could hold, and grow only as numbers arrive.
 */
final class SnapshotParser {
    static final int MAX_ARRAY = Integer.MAX_VALUE - 16;
    /** Initial capacity when the input size is unknown (gzip, pushed chunks): grow from here rather than trust. */
    private static final int UNKNOWN_SIZE_INITIAL_ROWS = 1 << 20;
    private static final long PLAIN_STRINGS_UP_FRONT = 64L << 20;

    private final ByteInput in;
    private final JsonText json;
    /** At least the length of the text, or -1 when unknown. Bounds what a lying header can make us allocate. */
    private final long textLength;
    /** Whether {@link #textLength} is the text's exact length (a plain file), not just a bound. */
    private final boolean lengthIsExact;
    private final ProgressMonitor monitor;
    /** Scans and stores half of each buffer beside this thread. */
    private final ExecutorService helper;
    /** Allocates the edge columns ahead of time. */
    private final ExecutorService allocator;
    private final ParallelRowReader rows;

    private SnapshotHeader header;
    private NodeColumns nodes;
    private EdgeColumns edges;
    private StringTable strings;
    private int maxNodeName;
    private Future<EdgeColumnsBuilder.Arrays> edgeArrays;
    private int maxEdgeName;
    private FieldTable traceFunctionInfos = FieldTable.empty();
    private FieldTable traceTree = FieldTable.empty();
    private FieldTable samples = FieldTable.empty();
    private FieldTable locations = FieldTable.empty();

    /** @param chunkBytes the size of the parts a plain file's number arrays are read in, by both cores */
    SnapshotParser(ByteInput in, long textLength, boolean lengthIsExact, ProgressMonitor monitor, int chunkBytes) {
        this.in = in;
        this.json = new JsonText(in);
        this.textLength = textLength;
        this.lengthIsExact = lengthIsExact && textLength >= 0;
        this.monitor = monitor;
        this.helper = daemonThread("heapscope-snapshot-helper");
        this.allocator = daemonThread("heapscope-snapshot-allocate");
        helper.submit(NumberArrayScanner::prime);
        this.rows = new ParallelRowReader(in, helper, in.file() == null ? null
                : new ChunkedRowReader(in.file(), textLength, chunkBytes, helper, monitor));
    }

    HeapSnapshot parse() throws IOException {
        try {
            readTopLevel();
            checkComplete();
            in.section = null;
            long textRead = in.offset();
            HeapGraph graph = new HeapGraph(header.meta().nodeTypes(), header.meta().edgeTypes(),
                    strings, nodes, edges);
            return new HeapSnapshot(header, graph, traceFunctionInfos, traceTree, samples, locations,
                    textRead);
        } finally {
            helper.shutdownNow();
            allocator.shutdownNow();
        }
    }

    private static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    // ---- top level ---------------------------------------------------------------------------------------------

    private void readTopLevel() throws IOException {
        int c = in.peekNonSpace();
        if (c < 0) {
            throw new SnapshotFormatException("empty file", null, in.offset() == 0 ? -1 : in.offset());
        }
        if (c != '{') {
            throw in.unexpected(c, "not JSON or not a heap snapshot: expected '{'");
        }
        in.pos++;
        boolean first = true;
        while (true) {
            c = in.peekNonSpace();
            if (c == '}' && first) {
                throw in.error("not a heap snapshot: the JSON object is empty");
            }
            if (c != '"') {
                throw in.unexpected(c, first ? "not a heap snapshot: expected a key"
                        : "expected the name of the next section");
            }
            long keyOffset = in.offset();
            String key = json.readString();
            if (first && !key.equals("snapshot")) {
                throw new SnapshotFormatException("not a heap snapshot: the first key is \"" + shorten(key)
                        + "\", expected \"snapshot\"", null, keyOffset);
            }
            in.expect(':', "after the key \"" + shorten(key) + "\"");
            readSection(key, keyOffset);
            first = false;
            c = in.peekNonSpace();
            in.section = null;
            if (c == '}') {
                in.pos++;
                break;
            }
            if (c != ',') {
                throw in.unexpected(c, "expected ',' or '}' after section \"" + shorten(key) + "\"");
            }
            in.pos++;
        }
        c = in.peekNonSpace();
        if (c >= 0) {
            throw in.unexpected(c, "unexpected data after the end of the snapshot: expected the end of the file");
        }
    }

    private void readSection(String key, long keyOffset) throws IOException {
        in.section = key;
        switch (key) {
            case "snapshot" -> {
                requireAbsent(header, key, keyOffset);
                long start = in.offset();
                header = HeaderDecoder.decode(json.readSmallValue(), start);
            }
            case "nodes" -> {
                requireAbsent(nodes, key, keyOffset);
                readNodes();
            }
            case "edges" -> {
                requireAbsent(edges, key, keyOffset);
                if (nodes == null) {
                    throw new SnapshotFormatException("section \"edges\" comes before section \"nodes\"", key,
                            keyOffset);
                }
                readEdges();
            }
            case "strings" -> {
                requireAbsent(strings, key, keyOffset);
                readStrings();
            }
            case "trace_function_infos" ->
                    traceFunctionInfos = readTable(header.meta().traceFunctionInfoFields());
            case "samples" -> samples = readTable(header.meta().sampleFields());
            case "locations" -> locations = readTable(header.meta().locationFields());
            case "trace_tree" -> traceTree = new TraceTreeReader(in, json).read(header.meta().traceNodeFields());
            default -> json.skipValue();
        }
    }

    private static void requireAbsent(Object section, String key, long offset) throws SnapshotFormatException {
        if (section != null) {
            throw new SnapshotFormatException("section \"" + key + "\" appears twice", key, offset);
        }
    }

    private void checkComplete() throws SnapshotFormatException {
        for (String section : List.of("nodes", "edges", "strings")) {
            boolean present = switch (section) {
                case "nodes" -> nodes != null;
                case "edges" -> edges != null;
                default -> strings != null;
            };
            if (!present) {
                throw new SnapshotFormatException("missing section \"" + section + "\"", null, -1);
            }
        }
        if (nodes.count() == 0) {
            throw new SnapshotFormatException("the nodes array is empty: a snapshot has at least its root", "nodes",
                    -1);
        }
        if (header.nodeCount() != nodes.count()) {
            throw new SnapshotFormatException("the header says node_count is " + header.nodeCount()
                    + " but the nodes array holds " + nodes.count() + " nodes", "snapshot", -1);
        }
        if (header.edgeCount() != edges.count()) {
            throw new SnapshotFormatException("the header says edge_count is " + header.edgeCount()
                    + " but the edges array holds " + edges.count() + " edges", "snapshot", -1);
        }
        checkNameIndexes();
    }

    /**
     * Names are indexes into {@code strings}, which comes last: check them once it is known. The column builders
     * kept the largest index, so the full scan below only runs to name the culprit of an error.
     */
    private void checkNameIndexes() throws SnapshotFormatException {
        int stringCount = strings.size();
        if (Integer.compareUnsigned(maxNodeName, stringCount) < 0 && Integer.compareUnsigned(maxEdgeName,
                stringCount) < 0) {
            return;
        }
        int[] names = nodes.name();
        for (int n = 0; n < nodes.count(); n++) {
            if (Integer.compareUnsigned(names[n], stringCount) >= 0) {
                throw new SnapshotFormatException("node " + n + " (@" + Integer.toUnsignedString(nodes.id()[n])
                        + ") has name index " + Integer.toUnsignedString(names[n])
                        + ", out of range of the " + stringCount + " strings", "nodes", -1);
            }
        }
        int element = header.meta().edgeTypes().code("element");
        int hidden = header.meta().edgeTypes().code("hidden");
        int[] typeAndTarget = edges.typeAndTarget();
        int[] edgeNames = edges.nameOrIndex();
        for (int e = 0; e < edges.count(); e++) {
            int type = EdgeColumns.type(typeAndTarget[e]);
            if (type != element && type != hidden && Integer.compareUnsigned(edgeNames[e], stringCount) >= 0) {
                throw new SnapshotFormatException("edge " + e + " has name index "
                        + Integer.toUnsignedString(edgeNames[e]) + ", out of range of the " + stringCount
                        + " strings", "edges", -1);
            }
        }
    }

    // ---- nodes and edges ---------------------------------------------------------------------------------------

    private void readNodes() throws IOException {
        int width = header.meta().nodeFields().size();
        NodeColumnsBuilder builder = new NodeColumnsBuilder(header.meta(), initialRows(header.nodeCount(), width),
                allocator);
        // The node columns, then the edge columns (the biggest allocation of a load), are zeroed on a spare thread
        // while the nodes are read; one after the other, so the two allocations do not fight over the young heap.
        int edgeWidth = header.meta().edgeFields().size();
        int edgeRows = initialRows(header.edgeCount(), edgeWidth);
        edgeArrays = allocator.submit(() -> new EdgeColumnsBuilder.Arrays(edgeRows));
        in.expect('[', "to start the nodes array");
        int count = rows.read(builder, width, "node", header.nodeCount());
        nodes = builder.build(count);
        maxNodeName = builder.maxNameIndex();
    }

    private void readEdges() throws IOException {
        int width = header.meta().edgeFields().size();
        EdgeColumnsBuilder builder = new EdgeColumnsBuilder(header.meta(), nodes, Futures.await(edgeArrays));
        in.expect('[', "to start the edges array");
        int count = rows.read(builder, width, "edge", builder.expected());
        if (count != builder.expected()) {
            throw new SnapshotFormatException("edge counts do not add up: the nodes' edge_count fields sum to "
                    + builder.expected() + " but the edges array holds " + count + " edges", "edges",
                    in.offset());
        }
        edges = builder.build(count);
        maxEdgeName = builder.maxNameIndex();
    }

    // ---- strings and side tables -------------------------------------------------------------------------------

    private void readStrings() throws IOException {
        in.expect('[', "to start the strings array");
        // Strings come last in V8's files: the rest of the text bounds what their plain bytes take. Beyond 64 MB the
        // table grows as needed instead, for files whose strings are mostly long and escaped.
        long plainBytes = lengthIsExact ? Math.min(textLength - in.offset(), PLAIN_STRINGS_UP_FRONT) : 1 << 20;
        strings = new ParallelStringReader(in, json, helper, plainBytes).read();
    }

    private FieldTable readTable(List<String> fields) throws IOException {
        if (fields.isEmpty()) {
            in.expect('[', "to start the array");
            if (in.peekNonSpace() != ']') {
                throw in.error("snapshot.meta does not describe the fields of this section");
            }
            in.pos++;
            return FieldTable.empty();
        }
        TableSink values = new TableSink(fields.size());
        in.expect('[', "to start the array");
        int count = rows.read(values, fields.size(), "row", -1);
        return new FieldTable(fields, values.toArray(count));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    static int requiredField(List<String> fields, String field, String list) throws SnapshotFormatException {
        int index = fields.indexOf(field);
        if (index < 0) {
            throw new SnapshotFormatException("snapshot.meta." + list + " has no \"" + field + "\" field",
                    "snapshot", -1);
        }
        return index;
    }

    /** Rows to allocate for a section the header announces, bounded by what the rest of the text can hold. */
    private int initialRows(long announced, int width) {
        long bound;
        if (textLength >= 0) {
            // Every number takes at least one digit and one separator.
            bound = Math.max(0, textLength - in.offset()) / (2L * width) + 1;
        } else {
            bound = UNKNOWN_SIZE_INITIAL_ROWS;
        }
        return (int) Math.min(Math.min(announced, bound), MAX_ARRAY);
    }

    static int grownCapacity(int capacity, int needed) {
        long proposed = Math.max(needed, capacity + (capacity >> 1) + 1024L);
        return (int) Math.min(proposed, MAX_ARRAY);
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
