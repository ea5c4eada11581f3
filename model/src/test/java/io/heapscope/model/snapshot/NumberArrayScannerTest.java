package io.heapscope.model.snapshot;

import io.heapscope.model.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NumberArrayScannerTest {

    private static long word(String text) {
        byte[] bytes = Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), 8);
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Test
    void countsLeadingDigitsOfAWord() {
        assertEquals(0, NumberArrayScanner.digitRun(word(",1234567")));
        assertEquals(1, NumberArrayScanner.digitRun(word("7,123456")));
        assertEquals(3, NumberArrayScanner.digitRun(word("909]0000")));
        assertEquals(7, NumberArrayScanner.digitRun(word("1234567\n")));
        assertEquals(8, NumberArrayScanner.digitRun(word("12345678")));
        // Bytes next to the digit range: '/' and ':' and bytes whose +6 carries.
        assertEquals(2, NumberArrayScanner.digitRun(word("09/")));
        assertEquals(2, NumberArrayScanner.digitRun(word("90:")));
        assertEquals(1, NumberArrayScanner.digitRun(0x3131_3131_3131_FF31L));
    }

    @Test
    void convertsOneToEightDigits() {
        Random random = new Random(7);
        for (int round = 0; round < 100_000; round++) {
            int length = 1 + random.nextInt(8);
            int value = random.nextInt((int) Math.pow(10, length));
            String digits = String.format("%0" + length + "d", value);
            assertEquals(value, NumberArrayScanner.digitValue(word((digits + ",99999999").substring(0, 8)), length),
                    digits);
        }
    }

    @Test
    void scansAnyMixOfLengthsSeparatorsAndBufferBoundaries() throws IOException {
        Random random = new Random(11);
        int count = 300_000;
        int[] expected = new int[count];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            long value = switch (random.nextInt(5)) {
                case 0 -> random.nextInt(10);
                case 1 -> random.nextInt(100_000);
                case 4 -> 10_000_000 + random.nextInt(90_000_000);
                case 2 -> random.nextInt(Integer.MAX_VALUE);
                default -> 0xFFFF_FFFFL - random.nextInt(1000);
            };
            expected[i] = (int) value;
            text.append(value).append(i % 7 == 6 ? "\n," : i + 1 < count ? "," : "]");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        ByteInput in = new ByteInput(new ByteArrayInputStream(bytes), ProgressMonitor.none(), () -> 0);
        NumberArrayScanner scanner = new NumberArrayScanner(in);
        int[] actual = new int[count];
        int[] batch = new int[7 * 1001];
        int at = 0;
        while (!scanner.finished()) {
            int n = scanner.read(batch);
            System.arraycopy(batch, 0, actual, at, n);
            at += n;
        }
        assertEquals(count, at);
        assertArrayEquals(expected, actual);
    }

    @Test
    void scansRunsOfOneToTenDigitsWithOrWithoutPaddingAfterThem() {
        Random random = new Random(5);
        int count = 50_000;
        int[] expected = new int[count];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            long value = random.nextInt(3) == 0 ? 0xFFFF_FFFFL - random.nextInt(1 << 30)
                    : random.nextLong(1, 1L << (1 + random.nextInt(32)));
            expected[i] = (int) value;
            text.append(value).append(i % 7 == 6 ? "\n," : ",");
        }
        byte[] exact = text.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] padded = java.util.Arrays.copyOf(exact, exact.length + ByteInput.PADDING);
        for (byte[] buffer : new byte[][] {exact, padded}) {
            int[] out = new int[count];
            assertEquals(count, NumberArrayScanner.scanRange(buffer, 0, exact.length, out));
            assertArrayEquals(expected, out);
        }
    }

    @Test
    void leavesNumbersAboveTwoToTheThirtyTwoToTheExactReader() {
        byte[] text = java.util.Arrays.copyOf("1,4294967296,".getBytes(StandardCharsets.US_ASCII), 13 + 16);
        assertEquals(-1, NumberArrayScanner.scanRange(text, 0, 13, new int[4]));
    }

    @Test
    void thePrimingRunsHoldEveryShapeOfElementAndSomeThatAreTurnedDown() {
        int[] out = new int[64];
        byte[][] runs = NumberArrayScanner.PRIMING_RUNS;
        int[] expected = {7, 123, 1_234_567_890, -1, 12_345_678, 99, 8, 1, 0, 15, 33_554_432, 6};

        assertEquals(expected.length, scan(runs[0], out));
        assertArrayEquals(expected, Arrays.copyOf(out, expected.length), "short, eight-, nine- and ten-digit");
        assertEquals(5, scan(runs[1], out), "spaces around numbers");
        assertEquals(-1, scan(runs[2], out), "not a number");
        assertEquals(-1, scan(runs[3], out), "past the end of the array");
        assertEquals(-1, scan(runs[4], out), "above 2^32 - 1");
        NumberArrayScanner.prime();
    }

    private static int scan(byte[] run, int[] out) {
        return NumberArrayScanner.scanRange(run, 0, run.length - ByteInput.PADDING, out);
    }
}
