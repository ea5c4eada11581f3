package io.heapscope.app.cli;

import io.heapscope.model.inspector.InspectorException;
import io.heapscope.model.inspector.ProcessAttach;
import io.heapscope.model.runtime.RuntimeSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The options that name a Node runtime: launch a command, connect to an inspector, or attach to a PID. */
final class RuntimeTarget {

    static final class Choice {
        @Option(names = "--launch", paramLabel = "COMMAND",
                description = "Start COMMAND (e.g. \"node app.js\") under the inspector on a loopback port; "
                        + "it is ended when heapscope exits.")
        String launch;

        @Option(names = "--connect", paramLabel = "HOST:PORT|WS_URL",
                description = "Connect to a running inspector (node --inspect).")
        String connect;

        @Option(names = "--pid", paramLabel = "PID",
                description = "Open the inspector of a running Node process (SIGUSR1, port 9229) and connect.")
        Long pid;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    @Option(names = "--allow-remote",
            description = "Allow --connect to a host other than this machine. An inspector runs any code its "
                    + "client sends: only connect to processes you trust, over a network you trust.")
    boolean allowRemote;

    RuntimeSession open() throws InspectorException {
        if (choice.launch != null) {
            List<String> command = CommandWords.split(choice.launch);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("--launch needs a command");
            }
            return RuntimeSession.launch(command, Path.of("").toAbsolutePath());
        }
        if (choice.pid != null) {
            return RuntimeSession.connect(ProcessAttach.attach(choice.pid, Duration.ofSeconds(10)), null);
        }
        return RuntimeSession.connect(choice.connect, allowRemote);
    }
}
