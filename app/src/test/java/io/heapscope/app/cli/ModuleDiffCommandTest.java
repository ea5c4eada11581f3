package io.heapscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code heapscope diff --modules} on two snapshots of one process around five "delete only" hot reloads. */
class ModuleDiffCommandTest {
    private static final String BEFORE = "../samples/snapshots/reload-before.heapsnapshot.gz";
    private static final String AFTER = "../samples/snapshots/reload-after.heapsnapshot.gz";

    @Test
    void textAddsTheModuleDiffAfterTheClasses() {
        CliRun run = CliRun.of("diff", BEFORE, AFTER, "--modules");

        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.indexOf("changed classes") < out.indexOf("Modules: 6 added, 0 removed, 5 new zombies"), out);
        assertTrue(out.lines().anyMatch(line -> line.startsWith("cached → zombie") && line.endsWith("/hot/hot.js")),
                out);
        assertEquals(4, out.lines().filter(line -> line.startsWith("new, zombie")).count(), out);
    }

    @Test
    void tsvListsTheChangedModulesInsteadOfTheClasses() {
        CliRun run = CliRun.of("diff", BEFORE, AFTER, "--modules", "--format", "tsv");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(ModuleDiffOutput.TSV_HEADER, lines.get(0));
        // main grew, config.js and 5 copies of hot.js are new, the first copy of hot.js became a zombie, and
        // snap.js retains 16 bytes less.
        assertEquals(9, lines.size() - 1, run.out());
        assertEquals(1, lines.stream().filter(l -> l.contains("/hot/config.js\tcjs\t\tcached\t0\t")).count());
        assertEquals(1, lines.stream().filter(l -> l.contains("/hot/hot.js\tcjs\tcached\tzombie\t")).count());
    }

    @Test
    void jsonAddsAModulesObject() throws Exception {
        CliRun run = CliRun.of("diff", BEFORE, AFTER, "--modules", "--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode modules = new ObjectMapper().readTree(run.out()).get("modules");
        assertEquals(6, modules.get("added").asInt());
        assertEquals(0, modules.get("removed").asInt());
        assertEquals(5, modules.get("new_zombies").asInt());
        int newZombies = 0;
        for (JsonNode change : modules.get("changes")) {
            if (change.get("new_zombie").asBoolean()) {
                newZombies++;
                assertEquals("zombie", change.get("target_state").asText());
                assertEquals(change.get("target_retained_size").asLong() - change.get("base_retained_size").asLong(),
                        change.get("retained_size_delta").asLong());
            }
        }
        assertEquals(5, newZombies);
    }
}
