package io.heapscope.model.snapshot;

import io.heapscope.model.graph.EdgeColumns;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.graph.NodeColumns;
import io.heapscope.model.graph.StringTable;
import io.heapscope.model.progress.ProgressMonitor;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

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
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;
    /** Initial capacity when the input size is unknown (gzip, pushed chunks): grow from here rather than trust. */
    private static final int UNKNOWN_SIZE_INITIAL_ROWS = 1 << 20;
    private static final int BATCH_ROWS = 4096;

    private final ByteInput in;
    private final JsonText json;
    /** At least the length of the text, or -1 when unknown. Bounds what a lying header can make us allocate. */
    private final long textLength;
    private final ProgressMonitor monitor;

    private SnapshotHeader header;
    private NodeColumns nodes;
    private EdgeColumns edges;
    private String[] strings;
    private FieldTable traceFunctionInfos = FieldTable.empty();
    private FieldTable traceTree = FieldTable.empty();
    private FieldTable samples = FieldTable.empty();
    private FieldTable locations = FieldTable.empty();

    SnapshotParser(ByteInput in, long textLength, ProgressMonitor monitor) {
        this.in = in;
        this.json = new JsonText(in);
        this.textLength = textLength;
        this.monitor = monitor;
    }

    HeapSnapshot parse() throws IOException {
        readTopLevel();
        checkComplete();
        in.section = null;
        HeapGraph graph = new HeapGraph(header.meta().nodeTypes(), header.meta().edgeTypes(),
                new StringTable(strings), nodes, edges, monitor);
        return new HeapSnapshot(header, graph, traceFunctionInfos, traceTree, samples, locations);
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

    /** Names are indexes into {@code strings}, which comes last: check them once it is known. */
    private void checkNameIndexes() throws SnapshotFormatException {
        int stringCount = strings.length;
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
        byte[] types = edges.type();
        int[] edgeNames = edges.nameOrIndex();
        for (int e = 0; e < edges.count(); e++) {
            int type = types[e];
            if (type != element && type != hidden && Integer.compareUnsigned(edgeNames[e], stringCount) >= 0) {
                throw new SnapshotFormatException("edge " + e + " has name index "
                        + Integer.toUnsignedString(edgeNames[e]) + ", out of range of the " + stringCount
                        + " strings", "edges", -1);
            }
        }
    }

    // ---- nodes -------------------------------------------------------------------------------------------------

    private void readNodes() throws IOException {
        List<String> fields = header.meta().nodeFields();
        int width = fields.size();
        int typeAt = requiredField(fields, "type", "node_fields");
        int nameAt = requiredField(fields, "name", "node_fields");
        int idAt = requiredField(fields, "id", "node_fields");
        int sizeAt = requiredField(fields, "self_size", "node_fields");
        int edgeCountAt = requiredField(fields, "edge_count", "node_fields");
        int traceAt = fields.indexOf("trace_node_id");
        int detachedAt = fields.indexOf("detachedness");
        int typeCount = header.meta().nodeTypes().size();

        in.expect('[', "to start the nodes array");
        int capacity = initialRows(header.nodeCount(), width);
        byte[] type = new byte[capacity];
        int[] name = new int[capacity];
        int[] id = new int[capacity];
        int[] size = new int[capacity];
        int[] firstEdge = new int[capacity + 1];
        int[] trace = traceAt >= 0 ? new int[capacity] : null;
        byte[] detached = detachedAt >= 0 ? new byte[capacity] : null;
        boolean anyTrace = false;

        NumberArrayScanner scanner = new NumberArrayScanner(in);
        int[] batch = new int[width * BATCH_ROWS];
        int count = 0;
        long edgeTotal = 0;
        while (!scanner.finished()) {
            int read = scanner.read(batch);
            if (read % width != 0) {
                throw in.error("the nodes array ends inside a node: it holds " + scanner.elementsRead()
                        + " numbers, not a multiple of the " + width + " node fields");
            }
            int rows = read / width;
            if (count + rows > capacity) {
                capacity = grownCapacity(capacity, count + rows);
                type = Arrays.copyOf(type, capacity);
                name = Arrays.copyOf(name, capacity);
                id = Arrays.copyOf(id, capacity);
                size = Arrays.copyOf(size, capacity);
                firstEdge = Arrays.copyOf(firstEdge, capacity + 1);
                trace = trace == null ? null : Arrays.copyOf(trace, capacity);
                detached = detached == null ? null : Arrays.copyOf(detached, capacity);
            }
            for (int i = 0, end = rows * width; i < end; i += width, count++) {
                int nodeType = batch[i + typeAt];
                if (Integer.compareUnsigned(nodeType, typeCount) >= 0) {
                    throw new SnapshotFormatException("node " + count + " has type "
                            + Integer.toUnsignedString(nodeType) + " but snapshot.meta lists only " + typeCount
                            + " node types", "nodes", -1);
                }
                type[count] = (byte) nodeType;
                name[count] = batch[i + nameAt];
                id[count] = batch[i + idAt];
                size[count] = batch[i + sizeAt];
                edgeTotal += Integer.toUnsignedLong(batch[i + edgeCountAt]);
                if (edgeTotal > MAX_ARRAY) {
                    throw new SnapshotFormatException("the edge_count fields up to node " + count + " add up to "
                            + edgeTotal + " edges, more than can be held", "nodes", -1);
                }
                firstEdge[count + 1] = (int) edgeTotal;
                if (trace != null) {
                    int traceId = batch[i + traceAt];
                    trace[count] = traceId;
                    anyTrace |= traceId != 0;
                }
                if (detached != null) {
                    detached[count] = (byte) batch[i + detachedAt];
                }
            }
        }
        // Without allocation tracking every trace id is 0: don't keep a column of zeros.
        nodes = new NodeColumns(count, type, name, id, size, firstEdge, anyTrace ? trace : null, detached);
    }

    // ---- edges -------------------------------------------------------------------------------------------------

    private void readEdges() throws IOException {
        List<String> fields = header.meta().edgeFields();
        int width = fields.size();
        int typeAt = requiredField(fields, "type", "edge_fields");
        int nameAt = requiredField(fields, "name_or_index", "edge_fields");
        int toAt = requiredField(fields, "to_node", "edge_fields");
        int typeCount = header.meta().edgeTypes().size();
        int nodeWidth = header.meta().nodeFields().size();
        int nodeCount = nodes.count();
        long toLimit = (long) nodeCount * nodeWidth;
        int expected = nodes.firstEdge()[nodeCount];

        in.expect('[', "to start the edges array");
        int capacity = Math.min(expected, initialRows(expected, width));
        byte[] type = new byte[capacity];
        int[] nameOrIndex = new int[capacity];
        int[] target = new int[capacity];

        NumberArrayScanner scanner = new NumberArrayScanner(in);
        int[] batch = new int[width * BATCH_ROWS];
        int count = 0;
        while (!scanner.finished()) {
            int read = scanner.read(batch);
            if (read % width != 0) {
                throw in.error("the edges array ends inside an edge: it holds " + scanner.elementsRead()
                        + " numbers, not a multiple of the " + width + " edge fields");
            }
            int rows = read / width;
            if (count + rows > expected) {
                throw in.error("edge counts do not add up: the nodes' edge_count fields sum to " + expected
                        + " but the edges array holds more");
            }
            if (count + rows > capacity) {
                capacity = Math.min(expected, grownCapacity(capacity, count + rows));
                type = Arrays.copyOf(type, capacity);
                nameOrIndex = Arrays.copyOf(nameOrIndex, capacity);
                target = Arrays.copyOf(target, capacity);
            }
            for (int i = 0, end = rows * width; i < end; i += width, count++) {
                int edgeType = batch[i + typeAt];
                if (Integer.compareUnsigned(edgeType, typeCount) >= 0) {
                    throw new SnapshotFormatException("edge " + count + " has type "
                            + Integer.toUnsignedString(edgeType) + " but snapshot.meta lists only " + typeCount
                            + " edge types", "edges", -1);
                }
                long to = Integer.toUnsignedLong(batch[i + toAt]);
                if (to >= toLimit) {
                    throw edgeTargetError(count, to, "is out of range: the nodes array has " + nodeCount
                            + " nodes (" + toLimit + " numbers)");
                }
                int index = (int) to;
                // Constant divisors let the JIT replace the division by a multiplication on the common layouts.
                int ordinal = nodeWidth == 7 ? index / 7 : nodeWidth == 6 ? index / 6 : index / nodeWidth;
                if (ordinal * nodeWidth != index) {
                    throw edgeTargetError(count, to, "is not a multiple of the " + nodeWidth + " node fields");
                }
                type[count] = (byte) edgeType;
                nameOrIndex[count] = batch[i + nameAt];
                target[count] = ordinal;
            }
        }
        if (count != expected) {
            throw new SnapshotFormatException("edge counts do not add up: the nodes' edge_count fields sum to "
                    + expected + " but the edges array holds " + count + " edges", "edges", in.offset());
        }
        edges = new EdgeColumns(count, type, nameOrIndex, target);
    }

    private SnapshotFormatException edgeTargetError(int edge, long to, String problem) {
        int owner = ownerOf(edge);
        return new SnapshotFormatException("edge " + edge + " (of node " + owner + ", @"
                + Integer.toUnsignedString(nodes.id()[owner]) + ") has to_node " + to + ", which " + problem,
                "edges", -1);
    }

    private int ownerOf(int edge) {
        int[] firstEdge = nodes.firstEdge();
        int low = 0;
        int high = nodes.count() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (firstEdge[mid] <= edge) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    // ---- strings and side tables -------------------------------------------------------------------------------

    private void readStrings() throws IOException {
        in.expect('[', "to start the strings array");
        String[] values = new String[1024];
        int count = 0;
        if (in.peekNonSpace() == ']') {
            in.pos++;
        } else {
            while (true) {
                if (count == values.length) {
                    values = Arrays.copyOf(values, grownCapacity(values.length, count + 1));
                }
                values[count++] = json.readString();
                int c = in.peekNonSpace();
                in.pos++;
                if (c == ']') {
                    break;
                }
                if (c != ',') {
                    in.pos--;
                    throw in.unexpected(c, "expected ',' or ']' after string " + (count - 1));
                }
            }
        }
        strings = count == values.length ? values : Arrays.copyOf(values, count);
    }

    private FieldTable readTable(List<String> fields) throws IOException {
        in.expect('[', "to start the array");
        NumberArrayScanner scanner = new NumberArrayScanner(in);
        IntArrayBuilder values = new IntArrayBuilder(1024);
        int[] batch = new int[8192];
        while (!scanner.finished()) {
            values.addAll(batch, scanner.read(batch));
        }
        if (!fields.isEmpty() && values.size() % fields.size() != 0) {
            throw in.error("the array holds " + values.size() + " numbers, not a multiple of its "
                    + fields.size() + " fields");
        }
        if (fields.isEmpty() && values.size() > 0) {
            throw in.error("snapshot.meta does not describe the fields of this section");
        }
        return new FieldTable(fields, values.toArray());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private int requiredField(List<String> fields, String field, String list) throws SnapshotFormatException {
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

    private static int grownCapacity(int capacity, int needed) {
        long proposed = Math.max(needed, capacity + (capacity >> 1) + 1024L);
        return (int) Math.min(proposed, MAX_ARRAY);
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
