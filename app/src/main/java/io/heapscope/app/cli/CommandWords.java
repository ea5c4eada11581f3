package io.heapscope.app.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command given as one argument ({@code --launch "node app.js --port 3000"}) into words the way a shell
 * would for simple cases: blanks separate, single and double quotes group, a backslash escapes the next character.
 * No variables, globs or pipes: the words go to the process as they are.
 */
final class CommandWords {
    private CommandWords() {
    }

    static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\\' && quote != '\'' && i + 1 < command.length()) {
                word.append(command.charAt(++i));
                inWord = true;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " in: " + command);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * The command line as typed, {@code heapscope} first, for a report's reader to run again: words with blanks
     * (or none) are quoted so that {@link #split} gives them back.
     */
    static String asTyped(CommandSpec spec) {
        // originalArgs() is the whole command line, the subcommand's name included.
        StringBuilder command = new StringBuilder("heapscope");
        for (String arg : spec.commandLine().getParseResult().originalArgs()) {
            command.append(' ').append(arg.isEmpty() || arg.chars().anyMatch(Character::isWhitespace)
                    ? "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : arg);
        }
        return command.toString();
    }
}
