package io.heapscope.app.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleProgressTest {

    @Test
    void drawsPhaseAndPercentThenClearsTheLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);

        progress.beginPhase("Reading snapshot", 4_000_000);
        progress.progress(1_000_000);
        progress.clear();

        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.contains("Reading snapshot"), drawn);
        assertTrue(drawn.contains("  0%"), drawn);
        assertTrue(drawn.endsWith("\r\033[K"), "the line is erased at the end");
    }

    @Test
    void staysSilentWhenStderrIsNotATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

        progress.beginPhase("Reading snapshot", 100);
        progress.progress(50);
        progress.clear();

        assertEquals(0, bytes.size());
    }

    @Test
    void cancelIsSeenByTheWork() {
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(new ByteArrayOutputStream()), false);

        progress.cancel();

        assertTrue(progress.isCancelled());
        progress.clear();
    }
}
