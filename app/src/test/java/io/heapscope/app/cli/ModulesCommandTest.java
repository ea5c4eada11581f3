package io.heapscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModulesCommandTest {
    private static final String SNAPSHOTS = "../samples/snapshots/";
    private static final String LEAK = SNAPSHOTS + "cjs-hot-reload-leak.heapsnapshot.gz";
    private static final String FIXED = SNAPSHOTS + "cjs-hot-reload-fixed.heapsnapshot.gz";
    private static final String TRANSIENT = SNAPSHOTS + "cjs-hot-reload-transient.heapsnapshot.gz";

    @Test
    void textGroupsTheZombiesByFileWithTheChainThatHoldsThem() {
        CliRun run = CliRun.of("modules", LEAK);

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("23 (23 CommonJS, 0 ES, 0 vm)"), run.out());
        assertTrue(run.out().contains("/samples/scenarios/hot/hot.js × 20, 2.1 MB, 20 leaked"), run.out());
        assertTrue(run.out().contains("    Module @6181 --children--> Array @6165 --[5]--> Module @84413"), run.out());
    }

    @Test
    void jsonListsEveryModuleWithStateLinksAndTheZombiesRetainerPathRootFirst() throws Exception {
        CliRun run = CliRun.of("modules", LEAK, "--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        List<JsonNode> zombies = new ArrayList<>();
        JsonNode main = null;
        for (JsonNode module : root.get("modules")) {
            assertEquals("cjs", module.get("kind").asText());
            if (module.get("state").asText().equals("zombie")) {
                zombies.add(module);
            } else if (module.get("state").asText().equals("main")) {
                main = module;
            }
        }
        assertEquals(23, root.get("modules").size());
        assertEquals(20, zombies.size());
        assertEquals(6181, main.get("id").asLong());
        assertEquals(22, main.get("children").size());
        for (JsonNode zombie : zombies) {
            assertTrue(zombie.get("filename").asText().endsWith("/hot/hot.js"));
            assertEquals(6181, zombie.get("parent").asLong());
            assertTrue(zombie.get("loaded").asBoolean());
            assertTrue(zombie.get("retained_size").asLong() >= zombie.get("exports_retained_size").asLong());
            JsonNode path = zombie.get("retainer_path");
            assertEquals(3, path.size());
            assertTrue(path.get(0).get("edge").isNull());
            assertEquals(6181, path.get(0).get("node_id").asLong());
            assertEquals("children", path.get(1).get("edge").asText());
            assertEquals("element", path.get(2).get("edge_type").asText());
            assertEquals(zombie.get("id").asLong(), path.get(2).get("node_id").asLong());
        }
        JsonNode summary = root.get("summary");
        assertEquals(20, summary.get("states").get("zombie").get("count").asInt());
        assertEquals(20, summary.get("leaked_zombies").asInt());
        assertEquals(20, summary.get("zombie_groups").get(0).get("count").asInt());
    }

    @Test
    void checkZombiesFailsOnlyWhenMoreZombiesLeakThanAllowed() {
        CliRun leak = CliRun.of("modules", LEAK, "--zombies", "--check-zombies", "19");
        assertEquals(ExitCodes.CHECK_FAILED, leak.exitCode());
        assertEquals("heapscope: 20 zombie modules are held by more than the stack or handle scopes (allowed: 19)",
                leak.err().strip());

        assertEquals(0, CliRun.of("modules", LEAK, "--check-zombies", "20").exitCode());
        assertEquals(0, CliRun.of("modules", FIXED, "--check-zombies", "0").exitCode());
    }

    @Test
    void aZombieOnlyTheStackHoldsDoesNotFailTheCheck() {
        CliRun run = CliRun.of("modules", TRANSIENT, "--zombies", "--check-zombies", "0");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("0 of 1 leaked"), run.out());
        assertTrue(run.out().contains("(transient: only the stack or handle scopes hold it)"), run.out());
    }

    @Test
    void theFixHasNoZombiesAndABrowserSnapshotNoModules() {
        assertEquals("No zombie modules.", CliRun.of("modules", FIXED, "--zombies").out().strip());
        CliRun browser = CliRun.of("modules", SNAPSHOTS + "browser-page.heapsnapshot.gz");
        assertEquals(0, browser.exitCode());
        assertTrue(browser.out().startsWith("No modules in browser-page.heapsnapshot.gz"), browser.out());
    }

    @Test
    void aNegativeCheckCountIsAUsageError() {
        CliRun run = CliRun.of("modules", FIXED, "--check-zombies", "-1");

        assertEquals(ExitCodes.USAGE_OR_INPUT, run.exitCode());
        assertEquals("heapscope: --check-zombies needs a count of 0 or more, not -1", run.errLines()[0]);
    }
}
