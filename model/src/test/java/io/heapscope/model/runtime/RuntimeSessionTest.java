package io.heapscope.model.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.heapscope.model.inspector.InspectorConnection;
import io.heapscope.model.inspector.InspectorException;
import io.heapscope.model.snapshot.HeapSnapshot;
import io.heapscope.model.snapshot.SnapshotReader;
import io.heapscope.model.progress.ProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real Node process under the inspector: evaluation, memory, GCs, module actions and their errors. */
class RuntimeSessionTest {

    @AfterAll
    static void noNodeSurvives() {
        LiveTargets.assertNoNodeLeft();
    }

    @TempDir
    Path temp;

    @Test
    void readsVersionAndMemoryOfTheLaunchedProcess() throws Exception {
        try (RuntimeSession session = LiveTargets.pluginHost()) {
            assertTrue(session.nodeVersion().startsWith("v"), session.nodeVersion());
            MemoryUsage memory = session.memoryUsage();
            assertTrue(memory.rss() > memory.heapUsed(), memory.toString());
            assertTrue(memory.heapUsed() > 1_000_000, memory.toString());
            assertTrue(session.heapUsed() > 1_000_000);
        }
    }

    @Test
    void closingTheSessionEndsTheProcessItLaunched() throws Exception {
        RuntimeSession session = LiveTargets.pluginHost();
        long pid = session.launched().pid();
        session.close();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "node " + pid + " survived");
    }

    @Test
    void aCallWaitingWhenTheTargetEndsFailsWithTheReason() throws Exception {
        try (RuntimeSession session = LiveTargets.pluginHost()) {
            CompletableFuture<JsonNode> never = session.connection().send("Runtime.evaluate",
                    InspectorConnection.params().put("expression", "new Promise(() => {})").put("awaitPromise", true));

            session.connection().targetEnded("the process exited");

            ExecutionException failed = assertThrows(ExecutionException.class, () -> never.get(5, TimeUnit.SECONDS));
            assertTrue(failed.getCause().getMessage().contains("the process exited"), failed.getCause().getMessage());
            assertFalse(session.isOpen());
        }
    }

    @Test
    void anExceptionInTheTargetIsOneClearError() throws Exception {
        try (RuntimeSession session = LiveTargets.pluginHost()) {
            InspectorException error = assertThrows(InspectorException.class,
                    () -> session.evaluate("(() => { throw new TypeError('boom') })()"));
            assertTrue(error.getMessage().contains("TypeError: boom"), error.getMessage());
            assertEquals(3, session.evaluate("1 + 2").asInt(), "the session goes on after the error");
        }
    }

    @Test
    void deleteLeavesTheModuleInItsParentsChildrenAndDetachRemovesIt() throws Exception {
        try (RuntimeSession session = LiveTargets.pluginHost()) {
            String file = session.resolveModule(LiveTargets.PLUGIN);
            assertTrue(file.endsWith("/samples/runtime/plugins/greeter.js"), file);

            ModuleActionResult deleted = session.apply(ModuleAction.DELETE, LiveTargets.PLUGIN);
            assertTrue(deleted.wasCached());
            assertFalse(session.evaluate(inCache(file)).asBoolean());
            assertEquals(1, session.evaluate(childrenNamed(file)).asInt(), "delete only keeps it in children");

            ModuleActionResult reloaded = session.apply(ModuleAction.RELOAD, LiveTargets.PLUGIN);
            assertFalse(reloaded.wasCached());
            assertTrue(session.evaluate(inCache(file)).asBoolean());
            assertEquals(2, session.evaluate(childrenNamed(file)).asInt(), "the old copy and the new one");

            ModuleActionResult detached = session.apply(ModuleAction.DETACH, LiveTargets.PLUGIN);
            assertEquals(1, detached.detachedFrom());
            assertEquals(1, session.evaluate(childrenNamed(file)).asInt(), "only the copy delete left behind");
        }
    }

    private static String inCache(String file) {
        return "process.mainModule.constructor._cache[" + ModuleScripts.quote(file) + "] !== undefined";
    }

    /** How many entries of the main module's children are copies of {@code file}. */
    private static String childrenNamed(String file) {
        return "process.mainModule.children.filter((m) => m.filename === " + ModuleScripts.quote(file) + ").length";
    }

    @Test
    void clearCacheIsRefusedWhereNodeLacksIt() throws Exception {
        try (RuntimeSession session = LiveTargets.pluginHost()) {
            if (session.hasClearCache()) {
                ModuleActionResult cleared = session.apply(ModuleAction.CLEAR_CACHE, LiveTargets.PLUGIN);
                assertTrue(cleared.wasCached());
                return;
            }
            InspectorException error = assertThrows(InspectorException.class,
                    () -> session.apply(ModuleAction.CLEAR_CACHE, LiveTargets.PLUGIN));
            assertTrue(error.getMessage().contains("module.clearCache() is not available in Node "
                    + session.nodeVersion()), error.getMessage());
        }
    }

    @Test
    void anUnknownModuleIsTheTargetsOwnResolveError() throws Exception {
        try (RuntimeSession session = LiveTargets.pluginHost()) {
            InspectorException error = assertThrows(InspectorException.class,
                    () -> session.apply(ModuleAction.DELETE, "./plugins/missing.js"));
            assertTrue(error.getMessage().contains("Cannot find module"), error.getMessage());
        }
    }

    @Test
    void vmModulesInFreshContextsSurviveANormalGcButNotTheSnapshotsGc() throws Exception {
        try (RuntimeSession session = LiveTargets.vmTestRunner()) {
            for (int i = 0; i < 10; i++) {
                session.evaluate("runTestFile()");
            }
            GcComparison gcs = session.compareGcs();
            assertTrue(gcs.onlyNormalGcRetains() > 1_000_000, gcs.toString());
        }
    }

    @Test
    void aSnapshotOverTheInspectorHasTheFormatOfOneWrittenByV8() throws Exception {
        try (RuntimeSession session = LiveTargets.pluginHost()) {
            Path streamedFile = temp.resolve("streamed.heapsnapshot");
            Path written = temp.resolve("written.heapsnapshot");
            HeapSnapshot streamed = LiveSnapshot.take(session, ProgressMonitor.none(), streamedFile);
            session.evaluate("process.getBuiltinModule('v8').writeHeapSnapshot(" + ModuleScripts.quote(written
                    .toString()) + ")");

            HeapSnapshot saved = SnapshotReader.read(streamedFile, ProgressMonitor.none());
            HeapSnapshot byV8 = SnapshotReader.read(written, ProgressMonitor.none());
            assertEquals(streamed.graph().nodeCount(), saved.graph().nodeCount(), "the saved copy is the stream");
            assertEquals(streamed.graph().edgeCount(), saved.graph().edgeCount());
            assertEquals(byV8.header().meta(), streamed.header().meta(), "same fields and types as v8.writeHeapSnapshot");
            double ratio = (double) streamed.graph().nodeCount() / byV8.graph().nodeCount();
            assertTrue(ratio > 0.9 && ratio < 1.1, "same process, similar heap: " + ratio);
            assertTrue(Files.size(streamedFile) > 1_000_000);
        }
    }

    @Test
    void theTargetDyingMidSnapshotIsAClearErrorAndSavesNoPartialFile() throws Exception {
        RuntimeSession session = LiveTargets.pluginHost();
        try {
            session.evaluate("globalThis.ballast = Array.from({ length: 300000 }, (_, i) => ({ i, s: 'x' + i }))");
            Path file = temp.resolve("partial.heapsnapshot");
            session.connection().onEvent("HeapProfiler.addHeapSnapshotChunk",
                    chunk -> session.launched().close());
            InspectorException error = assertThrows(InspectorException.class,
                    () -> LiveSnapshot.take(session, ProgressMonitor.none(), file));
            assertTrue(error.getMessage().contains("closed"), error.getMessage());
            assertFalse(Files.exists(file), "no partial snapshot left behind");
            assertFalse(session.isOpen());
            session.launched().onExit().get(5, TimeUnit.SECONDS);
        } finally {
            session.close();
        }
    }
}
