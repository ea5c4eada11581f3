package io.heapscope.model.runtime;

import io.heapscope.model.inspector.InspectorException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The long-running sample apps of {@code samples/runtime}, launched under the inspector for a test. */
final class LiveTargets {
    static final Path RUNTIME_SAMPLES = Path.of("..", "samples", "runtime").toAbsolutePath().normalize();
    static final String PLUGIN = "./plugins/greeter.js";

    private LiveTargets() {
    }

    static RuntimeSession pluginHost() throws InspectorException {
        return launch("plugin-host.js");
    }

    static RuntimeSession vmTestRunner() throws InspectorException {
        RuntimeSession session = launch("--experimental-vm-modules", "vm-test-runner.mjs");
        try {
            session.awaitTrue("typeof runTestFile === 'function'", Duration.ofSeconds(20));
            return session;
        } catch (InspectorException e) {
            session.close();
            throw e;
        }
    }

    /** Fails if any Node process this JVM started is still running. */
    static void assertNoNodeLeft() {
        List<String> left = ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .filter(line -> line.contains("node"))
                .toList();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), left, "node processes left running");
    }

    private static RuntimeSession launch(String... arguments) throws InspectorException {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(arguments));
        return RuntimeSession.launch(command, RUNTIME_SAMPLES);
    }
}
