package io.heapscope.app.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CommandWordsTest {

    @Test
    void splitsLikeAShellForSimpleCommands() {
        assertEquals(List.of("node", "app.js", "--port", "3000"), CommandWords.split("  node app.js  --port 3000 "));
        assertEquals(List.of("node", "my app.js", "it's"), CommandWords.split("node \"my app.js\" it\\'s"));
        assertEquals(List.of("node", "-e", "console.log(\"hi there\")"),
                CommandWords.split("node -e 'console.log(\"hi there\")'"));
        assertEquals(List.of("a", ""), CommandWords.split("a ''"));
        assertEquals(List.of(), CommandWords.split("   "));
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> CommandWords.split("node 'app.js"));
    }

    @Test
    void theCommandAsTypedNamesItsSubcommandOnceAndSplitsBack() {
        CommandLine line = HeapscopeCommand.commandLine();
        String[] args = {"watch", "--launch", "node \"my app.js\"", "--module", "a b.js", "--mode", "delete"};
        CommandLine.ParseResult parsed = line.parseArgs(args);

        String typed = CommandWords.asTyped(parsed.subcommand().commandSpec());

        assertEquals("heapscope watch --launch \"node \\\"my app.js\\\"\" --module \"a b.js\" --mode delete", typed);
        assertEquals(List.of(args), CommandWords.split(typed).subList(1, args.length + 1));
    }
}
