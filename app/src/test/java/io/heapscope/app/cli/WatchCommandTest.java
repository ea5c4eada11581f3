package io.heapscope.app.cli;

import io.heapscope.app.NodeChildren;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code heapscope watch} on the plugin host sample, a real Node process per run. */
class WatchCommandTest {
    private static final String HOST = "node ../samples/runtime/plugin-host.js";
    private static final String PLUGIN = "../samples/runtime/plugins/greeter.js";

    @AfterAll
    static void noNodeSurvives() throws InterruptedException {
        NodeChildren.assertNoneAlive();
    }

    @Test
    void deleteOnlyGrowsAZombiePerCycleAndFailsTheCheck() {
        CliRun run = CliRun.of("watch", "--launch", HOST, "--module", PLUGIN, "--mode", "delete", "--cycles", "3",
                "--check-growth");

        assertEquals(ExitCodes.CHECK_FAILED, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of("cycle", "heap_used_after_gc", "module_retained_size", "zombie_count"),
                List.of(lines.get(0).trim().split("\\s+")));
        assertEquals(List.of("1", "2", "3"), lines.subList(1, 4).stream()
                .map(line -> line.trim().split("\\s+")).map(cells -> cells[cells.length - 1]).toList(),
                "zombie_count per cycle");
        assertEquals("verdict: grows (zombies grew from 1 to 3 in 2 cycles)", lines.get(4));
        assertEquals("heapscope: memory grows with the cycles: zombies grew from 1 to 3 in 2 cycles",
                run.err().strip());
    }

    @Test
    void deleteAndDetachStaysFlatAndPassesTheCheck() throws Exception {
        CliRun run = CliRun.of("watch", "--launch", HOST, "--module", PLUGIN, "--mode", "detach", "--cycles", "3",
                "--check-growth", "--format", "json");

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("flat", json.get("verdict").asText());
        assertEquals(3, json.get("cycles").size());
        for (JsonNode cycle : json.get("cycles")) {
            assertEquals(0, cycle.get("zombie_count").asInt());
            assertTrue(cycle.get("module_retained_size").asLong() > 200_000, cycle.toString());
            assertTrue(cycle.get("heap_used_after_gc").asLong() > cycle.get("module_retained_size").asLong());
        }
        assertEquals(List.of(1, 2, 3), json.get("cycles").findValues("cycle").stream().map(JsonNode::asInt)
                .toList());
    }

    @Test
    void clearCacheOnANodeWithoutItIsOneClearError() {
        CliRun run = CliRun.of("watch", "--launch", HOST, "--module", PLUGIN, "--mode", "clear-cache",
                "--cycles", "2");

        assertEquals(ExitCodes.USAGE_OR_INPUT, run.exitCode());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().contains("module.clearCache() is not available in Node v"), run.err());
    }

    @Test
    void usageErrorsAreCaughtBeforeAnythingStarts() {
        CliRun noModule = CliRun.of("watch", "--launch", HOST, "--mode", "delete");
        assertEquals(ExitCodes.USAGE_OR_INPUT, noModule.exitCode());
        assertTrue(noModule.err().contains("--mode needs --module"), noModule.err());

        CliRun badMode = CliRun.of("watch", "--launch", HOST, "--module", PLUGIN, "--mode", "wipe");
        assertTrue(badMode.err().contains("unknown module action 'wipe'"), badMode.err());

        CliRun twoTargets = CliRun.of("watch", "--launch", HOST, "--connect", "127.0.0.1:9229", "--eval", "1");
        assertEquals(ExitCodes.USAGE_OR_INPUT, twoTargets.exitCode());
    }

    @Test
    void aRemoteInspectorNeedsExplicitConsent() {
        CliRun run = CliRun.of("watch", "--connect", "192.0.2.10:9229", "--eval", "1", "--cycles", "1");

        assertEquals(ExitCodes.USAGE_OR_INPUT, run.exitCode());
        assertTrue(run.err().contains("refusing to connect to 192.0.2.10:9229"), run.err());
    }

    @Test
    void aScriptThatCannotStartIsReportedWithItsOutput() {
        CliRun run = CliRun.of("watch", "--launch", "node --no-such-flag app.js", "--eval", "1");

        assertEquals(ExitCodes.USAGE_OR_INPUT, run.exitCode());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().contains("bad option: --no-such-flag"), run.err());
    }
}
