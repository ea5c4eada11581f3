package io.heapscope.model.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heapscope.model.inspector.InspectorAddress;
import io.heapscope.model.inspector.InspectorConnection;
import io.heapscope.model.inspector.InspectorException;
import io.heapscope.model.inspector.InspectorTargets;
import io.heapscope.model.inspector.LaunchedNode;

import java.net.URI;
import java.time.Duration;

/**
 * A connected Node runtime: what heapscope asks of it (memory, GC, snapshots, module actions), each as one or two
 * inspector calls. Closing it closes the connection and ends the process if heapscope launched it.
 *
 * <p>Nothing here runs in the target by itself: every method is one explicit request of the caller.
 */
public final class RuntimeSession implements AutoCloseable {
    private static final Duration EVALUATE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(20);

    private final InspectorConnection connection;
    private final LaunchedNode launched;
    private final String nodeVersion;

    private RuntimeSession(InspectorConnection connection, LaunchedNode launched) throws InspectorException {
        this.connection = connection;
        this.launched = launched;
        if (launched != null) {
            launched.onExit().thenRun(() -> connection.targetEnded("the process exited"));
        }
        this.nodeVersion = evaluate("process.version").asText();
    }

    /** Connects to the debugger URL; {@code launched}, when given, is ended with the session. */
    public static RuntimeSession connect(URI webSocketUrl, LaunchedNode launched) throws InspectorException {
        InspectorConnection connection = InspectorConnection.open(webSocketUrl);
        try {
            return new RuntimeSession(connection, launched);
        } catch (InspectorException | RuntimeException e) {
            connection.close();
            if (launched != null) {
                launched.close();
            }
            throw e;
        }
    }

    /**
     * Connects to an inspector the user named ({@code HOST:PORT} or a {@code ws://} URL), refusing another machine
     * unless {@code userAllowsRemote}: the one way in for the command line and the app alike.
     */
    public static RuntimeSession connect(String address, boolean userAllowsRemote) throws InspectorException {
        InspectorAddress parsed = InspectorAddress.parse(address).requireLoopbackUnless(userAllowsRemote);
        return connect(InspectorTargets.resolve(parsed), null);
    }

    /**
     * Launches a script under the inspector, connects to it, and waits until a CommonJS main module has run to its
     * end: the inspector listens before the script starts, and actions on a half-loaded app would find nothing.
     */
    public static RuntimeSession launch(java.util.List<String> command, java.nio.file.Path directory)
            throws InspectorException {
        LaunchedNode node = LaunchedNode.start(command, directory, Duration.ofSeconds(20), null);
        RuntimeSession session = connect(node.webSocketUrl(), node);
        try {
            session.awaitTrue("process.mainModule === undefined || process.mainModule.loaded", LAUNCH_TIMEOUT);
        } catch (InspectorException e) {
            session.close();
            throw e;
        }
        return session;
    }

    /** Polls {@code condition} in the target until it is true. */
    public void awaitTrue(String condition, Duration timeout) throws InspectorException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!evaluate("Boolean(" + condition + ")").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new InspectorException("the target did not get ready (" + condition + ") within "
                        + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InspectorException("interrupted while waiting for the target");
            }
        }
    }

    public InspectorConnection connection() {
        return connection;
    }

    public String nodeVersion() {
        return nodeVersion;
    }

    /** The process heapscope started, or {@code null} when it connected to one running already. */
    public LaunchedNode launched() {
        return launched;
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    /**
     * Evaluates an expression in the target's main context and returns its value (promises awaited). A thrown
     * exception becomes an {@link InspectorException} with the target's message.
     */
    public JsonNode evaluate(String expression) throws InspectorException {
        ObjectNode params = InspectorConnection.params()
                .put("expression", expression)
                .put("returnByValue", true)
                .put("awaitPromise", true)
                .put("includeCommandLineAPI", false)
                .put("silent", true);
        JsonNode result = connection.call("Runtime.evaluate", params, EVALUATE_TIMEOUT);
        JsonNode exception = result.get("exceptionDetails");
        if (exception != null) {
            String description = exception.path("exception").path("description").asText(
                    exception.path("text").asText("exception"));
            throw new InspectorException("the target threw: " + description.lines().findFirst().orElse(description));
        }
        return result.path("result").path("value");
    }

    public MemoryUsage memoryUsage() throws InspectorException {
        JsonNode value = evaluate(ModuleScripts.memoryUsage());
        return new MemoryUsage(value.path("rss").asLong(), value.path("heapTotal").asLong(),
                value.path("heapUsed").asLong(), value.path("external").asLong(), value.path("arrayBuffers").asLong());
    }

    /** V8's own count of used heap bytes ({@code Runtime.getHeapUsage}). */
    public long heapUsed() throws InspectorException {
        return connection.call("Runtime.getHeapUsage", null).path("usedSize").asLong();
    }

    /** The thorough GC a snapshot runs ({@code HeapProfiler.collectGarbage}). */
    public void collectGarbage() throws InspectorException {
        connection.call("HeapProfiler.collectGarbage", null, EVALUATE_TIMEOUT);
    }

    /** A full GC as the app's own {@code gc()} runs it (see {@link ModuleScripts#normalGc()}). */
    public void normalGc() throws InspectorException {
        evaluate(ModuleScripts.normalGc());
    }

    /** Heap used after a normal full GC, then after the snapshot's GC. */
    public GcComparison compareGcs() throws InspectorException {
        normalGc();
        long afterNormal = heapUsed();
        collectGarbage();
        return new GcComparison(afterNormal, heapUsed());
    }

    public boolean hasClearCache() throws InspectorException {
        return evaluate(ModuleScripts.hasClearCache()).asBoolean();
    }

    /** Runs a module action on {@code specifier} (a path, resolved from the main module like its own require). */
    public ModuleActionResult apply(ModuleAction action, String specifier) throws InspectorException {
        JsonNode value = evaluate(ModuleScripts.action(action, specifier));
        return new ModuleActionResult(action, value.path("file").asText(), value.path("cached").asBoolean(),
                value.path("detached").asInt());
    }

    /** The application's files in the CommonJS cache (not those under {@code node_modules}), sorted. */
    public java.util.List<String> cachedModules() throws InspectorException {
        java.util.List<String> files = new java.util.ArrayList<>();
        evaluate(ModuleScripts.cachedModules()).forEach(file -> files.add(file.asText()));
        return files;
    }

    /** The file the main module's {@code require(specifier)} loads. */
    public String resolveModule(String specifier) throws InspectorException {
        return evaluate(ModuleScripts.resolve(specifier)).asText();
    }

    @Override
    public void close() {
        connection.close();
        if (launched != null) {
            launched.close();
        }
    }
}
