package io.heapscope.model.inspector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Node process heapscope started under the inspector, on a loopback port the OS picks
 * ({@code --inspect=127.0.0.1:0}); the debugger URL is read from the "Debugger listening on ws://…" line Node
 * prints on stderr. Closing it ends the process; so does the JVM's exit ({@link LaunchedProcesses}).
 */
public final class LaunchedNode implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Debugger listening on (ws://\\S+)");
    private static final int KEPT_OUTPUT_LINES = 40;
    private static final long READER_END_MILLIS = 2_000;

    private final Process process;
    private final URI webSocketUrl;
    private final Deque<String> recentOutput;

    private LaunchedNode(Process process, URI webSocketUrl, Deque<String> recentOutput) {
        this.process = process;
        this.webSocketUrl = webSocketUrl;
        this.recentOutput = recentOutput;
    }

    /**
     * Starts {@code command} (e.g. {@code node app.js} or {@code node --expose-gc app.js}) with the inspector
     * option inserted after the executable, and waits until the inspector listens.
     *
     * @param output receives every line the process prints (stdout and stderr), may be {@code null}
     */
    public static LaunchedNode start(List<String> command, Path directory, Duration timeout,
                                     Consumer<String> output) throws InspectorException {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("nothing to launch");
        }
        List<String> withInspector = new ArrayList<>(command);
        withInspector.add(1, "--inspect=127.0.0.1:0");
        ProcessBuilder builder = new ProcessBuilder(withInspector);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new InspectorException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        LaunchedProcesses.register(process);
        Deque<String> recent = new ArrayDeque<>();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Consumer<String> lines = line -> {
            synchronized (recent) {
                recent.addLast(line);
                if (recent.size() > KEPT_OUTPUT_LINES) {
                    recent.removeFirst();
                }
            }
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                listening.complete(URI.create(matcher.group(1)));
            }
            if (output != null) {
                output.accept(line);
            }
        };
        Thread stderr = drain(process.getErrorStream(), lines, "stderr");
        Thread stdout = drain(process.getInputStream(), lines, "stdout");
        process.onExit().thenRun(() -> {
            // The exit can be seen before the readers have the process's last lines (its error message): let
            // them reach the end of the pipes first, which come right after an exit.
            awaitEnd(stderr);
            awaitEnd(stdout);
            listening.completeExceptionally(new InspectorException("the process ended (exit code "
                    + process.exitValue() + ") before its inspector listened" + lastLines(recent)));
        });
        try {
            return new LaunchedNode(process, listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS), recent);
        } catch (InterruptedException e) {
            LaunchedProcesses.end(process);
            Thread.currentThread().interrupt();
            throw new InspectorException("interrupted while starting " + String.join(" ", command));
        } catch (TimeoutException e) {
            LaunchedProcesses.end(process);
            throw new InspectorException("no \"Debugger listening\" line from " + String.join(" ", command)
                    + " within " + timeout.toSeconds() + " s" + lastLines(recent));
        } catch (ExecutionException e) {
            LaunchedProcesses.end(process);
            throw e.getCause() instanceof InspectorException inspector ? inspector
                    : new InspectorException(e.getCause().toString(), e.getCause());
        }
    }

    /** Reads a stream to its end on a daemon thread: an undrained pipe would block the child once full. */
    private static Thread drain(InputStream stream, Consumer<String> lines, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // The process ended; nothing more to read.
            }
        }, "heapscope-node-" + name);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** Waits a little for a reader to finish; a grandchild that keeps the pipe open must not hold us up. */
    private static void awaitEnd(Thread reader) {
        try {
            reader.join(READER_END_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String lastLines(Deque<String> recent) {
        synchronized (recent) {
            return recent.isEmpty() ? "" : "; its last output:\n  " + String.join("\n  ", recent);
        }
    }

    public URI webSocketUrl() {
        return webSocketUrl;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** The last lines the process printed, for error messages. */
    public String recentOutput() {
        return lastLines(recentOutput);
    }

    @Override
    public void close() {
        LaunchedProcesses.end(process);
    }
}
