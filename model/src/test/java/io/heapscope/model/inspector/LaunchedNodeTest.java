package io.heapscope.model.inspector;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real {@code node --inspect=127.0.0.1:0} processes: found, listed, and always ended. */
class LaunchedNodeTest {
    private static final Path RUNTIME = Path.of("..", "samples", "runtime").toAbsolutePath().normalize();

    @Test
    void readsTheDebuggerUrlAndListsTheTarget() throws Exception {
        try (LaunchedNode node = LaunchedNode.start(List.of("node", "plugin-host.js"), RUNTIME,
                Duration.ofSeconds(20), null)) {
            assertEquals("127.0.0.1", node.webSocketUrl().getHost());
            List<InspectorTarget> targets = InspectorTargets.list("127.0.0.1", node.webSocketUrl().getPort());
            assertEquals(1, targets.size());
            assertEquals(node.webSocketUrl(), targets.get(0).webSocketDebuggerUrl());
            assertEquals(node.webSocketUrl(),
                    InspectorTargets.resolve(InspectorAddress.parse("127.0.0.1:" + node.webSocketUrl().getPort())));
        }
    }

    @Test
    void aScriptThatFailsAtOnceIsReportedWithItsOutput() {
        InspectorException error = assertThrows(InspectorException.class, () -> LaunchedNode.start(
                List.of("node", "--no-such-option", "plugin-host.js"), RUNTIME, Duration.ofSeconds(20), null));
        assertTrue(error.getMessage().contains("the process ended (exit code 9) before its inspector listened"),
                error.getMessage());
        assertTrue(error.getMessage().contains("bad option: --no-such-option"), error.getMessage());
    }

    @Test
    void noInspectorAtAPortIsAClearError() {
        InspectorException error = assertThrows(InspectorException.class,
                () -> InspectorTargets.list("127.0.0.1", 1));
        assertTrue(error.getMessage().startsWith("no inspector answers at 127.0.0.1:1"), error.getMessage());
    }

    @Test
    void attachesToARunningNodeByPid() throws Exception {
        Process plain = new ProcessBuilder("node", "plugin-host.js").directory(RUNTIME.toFile()).start();
        LaunchedProcesses.register(plain);
        try {
            // Attaching uses the fixed port 9229; skip politely if something on this machine holds it.
            try {
                InspectorTargets.list("127.0.0.1", ProcessAttach.DEFAULT_PORT);
                org.junit.jupiter.api.Assumptions.abort("port 9229 is already in use");
            } catch (InspectorException expected) {
                // free: go on
            }
            Thread.sleep(300); // let Node install its SIGUSR1 handler
            var url = ProcessAttach.attach(plain.pid(), Duration.ofSeconds(10));
            try (InspectorConnection connection = InspectorConnection.open(url)) {
                var result = connection.call("Runtime.evaluate",
                        InspectorConnection.params().put("expression", "process.pid").put("returnByValue", true));
                assertEquals(plain.pid(), result.path("result").path("value").asLong());
            }
        } finally {
            LaunchedProcesses.end(plain);
        }
        assertFalse(plain.isAlive());
    }

    @Test
    void refusesToSignalAProcessThatIsNotNode() {
        InspectorException error = assertThrows(InspectorException.class,
                () -> ProcessAttach.attach(ProcessHandle.current().pid(), Duration.ofSeconds(1)));
        assertTrue(error.getMessage().contains("is not a Node process"), error.getMessage());
    }
}
