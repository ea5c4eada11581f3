package io.heapscope.model.snapshot;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test helpers: reading text and sample files, comparing graphs field by field. */
final class Snapshots {
    static final Path SAMPLES = Path.of("..", "samples", "snapshots");

    private Snapshots() {
    }

    static HeapSnapshot read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the text as a stream, and also as a plain file whose number arrays both cores read in small chunks
     * (about 64 of them): the two must agree exactly, on the snapshot or on the error.
     */
    static HeapSnapshot read(byte[] bytes) throws IOException {
        Object streamed = outcome(() -> SnapshotReader.read(new ByteArrayInputStream(bytes), bytes.length,
                ProgressMonitor.none()));
        Path file = Files.createTempFile("heapscope-test", ".heapsnapshot");
        Object chunked;
        try {
            Files.write(file, bytes);
            chunked = outcome(() -> SnapshotReader.read(file, ProgressMonitor.none(), smallChunk(bytes.length)));
        } finally {
            Files.delete(file);
        }
        if (streamed instanceof IOException error) {
            assertTrue(chunked instanceof IOException, () -> "the chunked read did not fail: " + error);
            IOException chunkedError = (IOException) chunked;
            assertEquals(error.getClass(), chunkedError.getClass());
            assertEquals(error.getMessage(), chunkedError.getMessage(), "the chunked read's error");
            throw error;
        }
        assertTrue(chunked instanceof HeapSnapshot, () -> "the chunked read failed: " + chunked);
        HeapSnapshot expected = (HeapSnapshot) streamed;
        HeapSnapshot actual = (HeapSnapshot) chunked;
        assertSameGraph(expected.graph(), actual.graph());
        assertSameTable(expected.locations(), actual.locations());
        assertSameTable(expected.samples(), actual.samples());
        assertSameTable(expected.traceFunctionInfos(), actual.traceFunctionInfos());
        assertSameTable(expected.traceTree(), actual.traceTree());
        assertEquals(expected.textLength(), actual.textLength());
        return expected;
    }

    /** Chunks of at least 80 bytes (the reader looks back up to 64 for an element's start). */
    static int smallChunk(int textLength) {
        return Math.max(80, textLength / 64);
    }

    private interface Read {
        HeapSnapshot run() throws IOException;
    }

    /** The snapshot read, or the IOException the read threw. */
    private static Object outcome(Read read) {
        try {
            return read.run();
        } catch (IOException e) {
            return e;
        }
    }

    static void assertSameTable(FieldTable expected, FieldTable actual) {
        assertEquals(expected.fields(), actual.fields());
        assertEquals(expected.rowCount(), actual.rowCount(), "rows of " + expected.fields());
        for (int row = 0; row < expected.rowCount(); row++) {
            for (int column = 0; column < expected.fields().size(); column++) {
                assertEquals(expected.get(row, column), actual.get(row, column), "row " + row + " of " + expected.fields());
            }
        }
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(Path file) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /** Every node, edge, retainer and string of two graphs is equal. */
    static void assertSameGraph(HeapGraph expected, HeapGraph actual) {
        assertEquals(expected.nodeCount(), actual.nodeCount(), "node count");
        assertEquals(expected.edgeCount(), actual.edgeCount(), "edge count");
        assertEquals(expected.strings().size(), actual.strings().size(), "string count");
        for (int i = 0; i < expected.strings().size(); i++) {
            assertEquals(expected.strings().get(i), actual.strings().get(i), "string " + i);
        }
        for (int n = 0; n < expected.nodeCount(); n++) {
            assertEquals(expected.nodeType(n), actual.nodeType(n), "type of node " + n);
            assertEquals(expected.nodeNameIndex(n), actual.nodeNameIndex(n), "name of node " + n);
            assertEquals(expected.nodeId(n), actual.nodeId(n), "id of node " + n);
            assertEquals(expected.selfSize(n), actual.selfSize(n), "self size of node " + n);
            assertEquals(expected.edgeStart(n), actual.edgeStart(n), "first edge of node " + n);
            assertEquals(expected.traceNodeId(n), actual.traceNodeId(n), "trace node id of node " + n);
            assertEquals(expected.detachedness(n), actual.detachedness(n), "detachedness of node " + n);
            assertEquals(expected.retainerStart(n), actual.retainerStart(n), "first retainer of node " + n);
        }
        for (int e = 0; e < expected.edgeCount(); e++) {
            assertEquals(expected.edgeType(e), actual.edgeType(e), "type of edge " + e);
            assertEquals(expected.edgeNameOrIndex(e), actual.edgeNameOrIndex(e), "name of edge " + e);
            assertEquals(expected.edgeTarget(e), actual.edgeTarget(e), "target of edge " + e);
            assertEquals(expected.retainerEdge(e), actual.retainerEdge(e), "retainer edge " + e);
            assertEquals(expected.retainerNode(e), actual.retainerNode(e), "retainer node " + e);
        }
    }
}
