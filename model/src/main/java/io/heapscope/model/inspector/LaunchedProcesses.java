package io.heapscope.model.inspector;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every process heapscope started, ended when the JVM exits however it exits (normal end, System.exit, a failed
 * test run, Ctrl+C), so no Node target outlives us with an open inspector port.
 */
final class LaunchedProcesses {
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(LaunchedProcesses::endAll, "heapscope-end-launched"));
    }

    private LaunchedProcesses() {
    }

    static void register(Process process) {
        RUNNING.add(process);
        process.onExit().thenRun(() -> RUNNING.remove(process));
    }

    /** Ends the process and whatever it started: politely first, then forcibly. */
    static void end(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        try {
            if (!process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(process);
    }

    static int count() {
        return RUNNING.size();
    }

    private static void endAll() {
        for (Process process : Set.copyOf(RUNNING)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
