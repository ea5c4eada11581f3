package io.heapscope.model.modules;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.SnapshotReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the leak scenarios of {@code samples/scenarios} with the machine's Node and checks what the module graph finds
 * in the fresh snapshots: the committed snapshots could drift from the scripts, a fresh run cannot.
 */
class LeakScenariosTest {
    private static final Path SCENARIOS = Path.of("..", "samples", "scenarios").toAbsolutePath().normalize();
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path temp;

    private ModuleGraph run(String script) throws Exception {
        Path snapshot = temp.resolve(script + ".heapsnapshot");
        List<String> command = new ArrayList<>(List.of("node", "--expose-gc", SCENARIOS.resolve(script).toString(),
                snapshot.toString()));
        Process node = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve(script + ".log").toFile()).start();
        try {
            assertTrue(node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), script + " did not finish");
            assertEquals(0, node.exitValue(), () -> log(script));
        } finally {
            node.destroyForcibly();
        }
        HeapAnalysis analysis = HeapAnalysis.analyze(SnapshotReader.read(snapshot, ProgressMonitor.none()),
                ProgressMonitor.none());
        return ModuleGraph.compute(analysis, ProgressMonitor.none());
    }

    private String log(String script) {
        try {
            return Files.readString(temp.resolve(script + ".log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Test
    void twentyDeleteOnlyReloadsLeaveTwentyLeakedZombies() throws Exception {
        ModuleGraph modules = run("cjs-hot-reload-leak.js");

        assertEquals(20, modules.inState(ModuleState.ZOMBIE).size());
        assertEquals(20, modules.leakedZombieCount());
        assertEquals(1, modules.zombieGroups().size());
        assertTrue(modules.zombieGroups().get(0).name().endsWith("/hot/hot.js"));
    }

    @Test
    void detachingFromChildrenLeavesNoneHeldByMoreThanTransientRoots() throws Exception {
        assertEquals(0, run("cjs-hot-reload-fixed.js").leakedZombieCount());
        ModuleGraph transientOnly = run("cjs-hot-reload-transient.js");
        assertEquals(0, transientOnly.leakedZombieCount());
        assertEquals(1, transientOnly.inState(ModuleState.ZOMBIE).size());
    }
}
