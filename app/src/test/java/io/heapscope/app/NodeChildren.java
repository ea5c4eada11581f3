package io.heapscope.app;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Live tests start real node processes: this checks that none of them outlives its test. */
public final class NodeChildren {
    private NodeChildren() {
    }

    /**
     * Fails if a node process started by this JVM is still alive after a grace period: runtimes may be closed off
     * the FX thread, so their processes end a little after the window does.
     */
    public static void assertNoneAlive() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> left = alive();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = alive();
        }
        assertEquals(List.of(), left);
    }

    private static List<String> alive() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse("?")).filter(c -> c.contains("node")).toList();
    }
}
