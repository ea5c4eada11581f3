package io.heapscope.model.snapshot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Every kind of bad input gives a {@link SnapshotFormatException} that names the problem and where it is. */
class BadInputTest {
    private final SyntheticSnapshot snapshot = SyntheticSnapshot.small();
    private final String valid = snapshot.json();

    private static SnapshotFormatException failure(String text) {
        return assertThrows(SnapshotFormatException.class, () -> Snapshots.read(text));
    }

    private static SnapshotFormatException failure(byte[] bytes) {
        return assertThrows(SnapshotFormatException.class, () -> Snapshots.read(bytes));
    }

    private static void assertMessage(SnapshotFormatException error, String problem, String section, long offset) {
        assertTrue(error.getMessage().contains(problem), () -> "message was: " + error.getMessage());
        assertEquals(section, error.section(), () -> "section in: " + error.getMessage());
        assertEquals(offset, error.byteOffset(), () -> "offset in: " + error.getMessage());
    }

    @Test
    void emptyFile() {
        assertMessage(failure(""), "empty file", null, -1);
        assertEquals("empty file at byte 3", failure("  \n").getMessage());
    }

    @Test
    void notJson() {
        assertMessage(failure("PK\u0003\u0004 zip"), "not JSON or not a heap snapshot: expected '{' but found 'P'",
                null, 0);
        assertMessage(failure("  [1,2,3]"), "expected '{' but found '['", null, 2);
    }

    @Test
    void jsonButNotASnapshot() {
        assertMessage(failure("{\"name\":\"my-app\",\"version\":\"1.0.0\"}"),
                "not a heap snapshot: the first key is \"name\", expected \"snapshot\"", null, 1);
        assertMessage(failure("{}"), "not a heap snapshot: the JSON object is empty", null, 1);
        assertMessage(failure("{\"snapshot\":{\"title\":\"x\"}}"), "not a heap snapshot: snapshot.meta is missing",
                "snapshot", 12);
    }

    @Test
    void truncatedAnywhereNeverHangsAndNamesTheEnd() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int cut = 1; cut < valid.length(); cut++) {
                int length = cut;
                String prefix = valid.substring(0, length);
                SnapshotFormatException error = assertThrows(SnapshotFormatException.class,
                        () -> Snapshots.read(prefix), "prefix of " + length + " characters");
                if (!prefix.isBlank()) {
                    assertTrue(error.getMessage().contains("truncated") || error.getMessage().contains("missing"),
                            () -> length + ": " + error.getMessage());
                }
            }
        });
    }

    @Test
    void truncatedAtTheEndOfTheNodesSaysWhere() {
        int cut = valid.indexOf("\"edges\"") - 10;

        SnapshotFormatException error = failure(valid.substring(0, cut));

        assertMessage(error, "unexpected end of input (the file is truncated)", "nodes", cut);
    }

    @Test
    void truncatedGzip() {
        byte[] gzip = Snapshots.gzip(valid.getBytes(StandardCharsets.UTF_8));

        SnapshotFormatException error = failure(Arrays.copyOf(gzip, gzip.length / 2));

        assertTrue(error.getMessage().contains("truncated"), error::getMessage);
    }

    @Test
    void corruptGzip() {
        byte[] gzip = Snapshots.gzip(valid.getBytes(StandardCharsets.UTF_8));
        for (int i = 20; i < 40; i++) {
            gzip[i] ^= 0x5A;
        }

        SnapshotFormatException error = failure(gzip);

        assertTrue(error.getMessage().contains("gzip"), error::getMessage);
    }

    @Test
    void garbageInsideTheNodes() {
        String text = valid.replaceFirst("\"nodes\":\\[9,", "\"nodes\":[9,x");
        int at = text.indexOf('x', text.indexOf("\"nodes\""));

        assertMessage(failure(text), "unexpected 'x' in a number array (element 1)", "nodes", at);
    }

    @Test
    void signsFractionsAndHugeNumbersInTheEdges() {
        String edges = snapshot.edgesArray();
        String start = "\"edges\":[";
        String negative = valid.replace(start + edges.substring(1), start + "-" + edges.substring(1));
        String fraction = valid.replace(start + edges.substring(1), start + "5.5" + edges.substring(2));
        String huge = valid.replace(start + edges.substring(1), start + "4294967296" + edges.substring(2));

        assertMessage(failure(negative), "unexpected '-' in a number array (element 0)", "edges",
                negative.indexOf(start) + start.length());
        assertTrue(failure(fraction).getMessage().contains("unexpected '.' in a number array"));
        assertTrue(failure(huge).getMessage().contains("4294967296 too large for an unsigned 32-bit value"));
        assertTrue(failure(valid.replace("[5,", "[99999999999,")).getMessage().contains("too large"));
    }

    @Test
    void numbersMustBeSeparated() {
        String text = valid.replaceFirst("\"nodes\":\\[9,", "\"nodes\":[9 1,");

        assertTrue(failure(text).getMessage().contains("expected ',' between numbers but found '1'"));
        assertTrue(failure(valid.replaceFirst("\"nodes\":\\[9,", "\"nodes\":[9,,")).getMessage()
                .contains("missing number before ','"));
    }

    @Test
    void missingSections() {
        String noStrings = valid.replaceFirst(",\n\"strings\":\\[[^]]*]", "");
        String noEdges = valid.replaceFirst("\n\"edges\":\\[[^]]*],", "");
        String noNodes = valid.replaceFirst("\n\"nodes\":\\[[^]]*],", "");

        assertMessage(failure(noStrings), "missing section \"strings\"", null, -1);
        assertMessage(failure(noEdges), "missing section \"edges\"", null, -1);
        assertMessage(failure(noNodes), "section \"edges\" comes before section \"nodes\"", "edges",
                noNodes.indexOf("\"edges\""));
    }

    @Test
    void headerCountsThatDisagreeWithTheArrays() {
        String moreNodes = valid.replace(snapshot.header(), snapshot.header(6, 5));
        String fewerEdges = valid.replace(snapshot.header(), snapshot.header(5, 4));

        assertMessage(failure(moreNodes), "the header says node_count is 6 but the nodes array holds 5 nodes",
                "snapshot", -1);
        assertMessage(failure(fewerEdges), "the header says edge_count is 4 but the edges array holds 5 edges",
                "snapshot", -1);
    }

    @Test
    void aLyingHeaderDoesNotMakeUsAllocateWhatItClaims() {
        String huge = valid.replace(snapshot.header(), snapshot.header(2_000_000_000L, 2_000_000_000L));

        // Sized by what the text can hold, not by the claim; the claim is then reported.
        assertTrue(failure(huge).getMessage().contains("node_count is 2000000000"));
    }

    @Test
    void edgeTargetOutOfRange() {
        String text = valid.replace("\"edges\":[5,", "\"edges\":[5,").replaceFirst(",14\n", ",35\n");

        assertMessage(failure(text), "edge 0 (of node 0, @1) has to_node 35, which is out of range: the nodes "
                + "array has 5 nodes (35 numbers)", "edges", -1);
    }

    @Test
    void edgeTargetNotAMultipleOfTheNodeFieldCount() {
        String text = valid.replaceFirst(",14\n", ",15\n");

        assertMessage(failure(text), "edge 0 (of node 0, @1) has to_node 15, which is not a multiple of the 7 "
                + "node fields", "edges", -1);
    }

    @Test
    void edgeCountsThatDoNotAddUp() {
        // The root claims 3 edges instead of 2: the nodes promise 6 edges, the array holds 5.
        String claimMore = valid.replaceFirst("\\[9,0,1,0,2,", "[9,0,1,0,3,")
                .replace(snapshot.header(), snapshot.header(5, 6));
        String claimFewer = valid.replaceFirst("\\[9,0,1,0,2,", "[9,0,1,0,1,")
                .replace(snapshot.header(), snapshot.header(5, 4));

        assertTrue(failure(claimMore).getMessage().contains(
                "edge counts do not add up: the nodes' edge_count fields sum to 6 but the edges array holds 5 edges"));
        assertTrue(failure(claimFewer).getMessage().contains(
                "edge counts do not add up: the nodes' edge_count fields sum to 4 but the edges array holds more"));
    }

    @Test
    void nodesArrayEndingInsideANode() {
        String text = valid.replaceFirst("\\[9,0,1,0,2,0,0\n", "[9,0,1,0,2,0\n");

        assertTrue(failure(text).getMessage().contains("not a multiple of the 7 node fields"));
    }

    @Test
    void nameIndexOutOfRange() {
        String text = valid.replaceFirst("\n,3,2,5,40,", "\n,3,99,5,40,");

        assertMessage(failure(text), "node 2 (@5) has name index 99, out of range of the", "nodes", -1);
    }

    @Test
    void nodeTypeOutOfRange() {
        String text = valid.replaceFirst("\n,3,2,5,40,", "\n,77,2,5,40,");

        assertMessage(failure(text), "node 2 has type 77 but snapshot.meta lists only 15 node types", "nodes", -1);
    }

    @Test
    void moreEdgeTypesThanAnEdgeCanHold() {
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            extra.append("\"extra").append(i).append("\",");
        }
        String text = valid.replace("\"edge_types\":[[", "\"edge_types\":[[" + extra);

        assertMessage(failure(text), "snapshot.meta lists 17 edge types; heapscope reads at most 16", "snapshot", -1);
    }

    @Test
    void sectionTwiceOrTrailingData() {
        assertTrue(failure(valid.replace("\"samples\":[]", "\"nodes\":[]")).getMessage()
                .contains("section \"nodes\" appears twice"));
        assertTrue(failure(valid + " {}").getMessage().contains("unexpected data after the end of the snapshot"));
    }

    @Test
    void brokenStrings() {
        assertTrue(failure(valid.replace("\"greeting\"", "\"gre\\qeting\"")).getMessage()
                .contains("expected an escape character after '\\' but found 'q'"));
        assertTrue(failure(valid.replace("\"greeting\"", "\"gre\\u12G4ting\"")).getMessage()
                .contains("expected a hex digit"));
    }

    private static final String DAMAGE = " ,[]{}\":0123456789x\\-";

    /** Random damage: every outcome is a snapshot or a SnapshotFormatException, never another failure. */
    @Test
    void randomCorruptionGivesOnlyClearErrors() {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        Random random = new Random(42);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int round = 0; round < 3000; round++) {
                byte[] damaged = bytes.clone();
                int flips = 1 + random.nextInt(4);
                for (int k = 0; k < flips; k++) {
                    damaged[random.nextInt(damaged.length)] = (byte) DAMAGE.charAt(random.nextInt(DAMAGE.length()));
                }
                readExpectingOnlyFormatErrors(() -> Snapshots.read(damaged), round);
            }
        });
    }

    private static void readExpectingOnlyFormatErrors(Executable read, int round) {
        try {
            read.execute();
        } catch (SnapshotFormatException expected) {
            assertTrue(expected.getMessage().length() > 10);
        } catch (Throwable other) {
            fail("round " + round + ": " + other, other);
        }
    }

    @Test
    void aGzipBombIsBoundedByTheDataNotTheClaim() throws IOException {
        // A gzip of a valid header followed by a huge run of zeros in the nodes array.
        StringBuilder text = new StringBuilder("{\"snapshot\":" + snapshot.header(100, 0) + ",\"nodes\":[");
        text.append("0,".repeat(700_000));
        byte[] gzip = Snapshots.gzip(text.toString().getBytes(StandardCharsets.UTF_8));

        SnapshotFormatException error = failure(gzip);

        assertTrue(error.getMessage().contains("truncated"), error::getMessage);
    }
}
