package io.heapscope.model.inspector;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Opens the inspector of a running Node process on Linux: SIGUSR1 makes Node listen on 127.0.0.1:9229, as
 * {@code node --inspect} would have. Only one process per machine can hold that port.
 */
public final class ProcessAttach {
    public static final int DEFAULT_PORT = 9229;

    private ProcessAttach() {
    }

    public static URI attach(long pid, Duration timeout) throws InspectorException {
        ProcessHandle handle = ProcessHandle.of(pid)
                .orElseThrow(() -> new InspectorException("no process with PID " + pid));
        // SIGUSR1 ends a process that does not handle it, so only Node gets it.
        String command = handle.info().command().orElse("");
        if (!command.endsWith("/node") && !command.equals("node") && !command.endsWith("/nodejs")) {
            throw new InspectorException("PID " + pid + " is not a Node process ("
                    + (command.isEmpty() ? "its command is not visible" : command) + ")");
        }
        try {
            Process kill = new ProcessBuilder("kill", "-USR1", Long.toString(pid)).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes()).trim();
            if (kill.waitFor() != 0) {
                throw new InspectorException("cannot signal PID " + pid + ": " + output);
            }
        } catch (IOException e) {
            throw new InspectorException("cannot signal PID " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InspectorException("interrupted while signalling PID " + pid);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        InspectorException last = null;
        while (System.nanoTime() < deadline) {
            try {
                List<InspectorTarget> targets = InspectorTargets.list("127.0.0.1", DEFAULT_PORT);
                if (!targets.isEmpty()) {
                    return targets.get(0).webSocketDebuggerUrl();
                }
            } catch (InspectorException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InspectorException("interrupted while waiting for PID " + pid + "'s inspector");
            }
        }
        throw new InspectorException("PID " + pid + " did not open its inspector on 127.0.0.1:" + DEFAULT_PORT
                + " within " + timeout.toSeconds() + " s" + (last == null ? "" : " (" + last.getMessage() + ")"));
    }
}
