package io.heapscope.model.inspector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One JSON-RPC session with a V8 inspector over {@link WebSocket}: numbered requests matched to their replies, and
 * events dispatched by method name.
 *
 * <p>Frames are read one at a time (the next is requested only after the previous one is handled), so a slow event
 * handler, such as the snapshot parser taking chunks, holds the target back instead of letting messages pile up in
 * memory. Sends are chained because a WebSocket accepts one outstanding send only. When the socket closes, every
 * pending request fails with the reason, so a dying target never leaves a caller waiting.
 */
public final class InspectorConnection implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final URI uri;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<JsonNode>>> eventHandlers = new ConcurrentHashMap<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final Object sendLock = new Object();
    private CompletableFuture<WebSocket> lastSend;
    private WebSocket socket;

    private record Pending(String method, CompletableFuture<JsonNode> reply) {
    }

    private InspectorConnection(URI uri) {
        this.uri = uri;
    }

    /** Opens a session on an inspector's {@code ws://} debugger URL. */
    public static InspectorConnection open(URI webSocketUrl) throws InspectorException {
        InspectorConnection connection = new InspectorConnection(webSocketUrl);
        try {
            connection.socket = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build()
                    .newWebSocketBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .buildAsync(webSocketUrl, connection.new Listener())
                    .get(CONNECT_TIMEOUT.toSeconds() + 1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InspectorException("interrupted while connecting to " + webSocketUrl);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new InspectorException("cannot connect to the inspector at " + webSocketUrl + ": " + describe(cause),
                    cause);
        }
        connection.lastSend = CompletableFuture.completedFuture(connection.socket);
        return connection;
    }

    public URI uri() {
        return uri;
    }

    /** Sends a request; the future completes with the reply's {@code result}, or fails with the protocol error. */
    public CompletableFuture<JsonNode> send(String method, ObjectNode params) {
        long id = nextId.getAndIncrement();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        if (closed.isDone()) {
            reply.completeExceptionally(closedError(method));
            return reply;
        }
        pending.put(id, new Pending(method, reply));
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        if (params != null) {
            message.set("params", params);
        }
        String text = message.toString();
        synchronized (sendLock) {
            lastSend = lastSend.thenCompose(ws -> ws.sendText(text, true));
            lastSend.whenComplete((ws, error) -> {
                if (error != null) {
                    fail(id, new InspectorException("cannot send " + method + ": " + describe(error), error));
                }
            });
        }
        return reply;
    }

    /** Sends a request and waits for its reply at most {@code timeout}. */
    public JsonNode call(String method, ObjectNode params, Duration timeout) throws InspectorException {
        CompletableFuture<JsonNode> reply = send(method, params);
        try {
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            reply.cancel(true);
            Thread.currentThread().interrupt();
            throw new InspectorException("interrupted while waiting for " + method, new InterruptedIOException());
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw new InspectorException(method + " got no reply within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InspectorException inspector) {
                throw inspector;
            }
            throw new InspectorException(method + " failed: " + describe(e.getCause()), e.getCause());
        }
    }

    public JsonNode call(String method, ObjectNode params) throws InspectorException {
        return call(method, params, Duration.ofSeconds(30));
    }

    public static ObjectNode params() {
        return JSON.createObjectNode();
    }

    /** Calls {@code handler} (on the socket's thread, in order) for every event named {@code method}. */
    public Runnable onEvent(String method, Consumer<JsonNode> handler) {
        List<Consumer<JsonNode>> handlers = eventHandlers.computeIfAbsent(method, m -> new CopyOnWriteArrayList<>());
        handlers.add(handler);
        return () -> handlers.remove(handler);
    }

    /** Completes with the reason once the socket is closed, by either side. */
    public CompletableFuture<String> closedFuture() {
        return closed;
    }

    public boolean isOpen() {
        return !closed.isDone();
    }

    /**
     * The target's process is gone: every call still waiting fails with {@code reason} now. The socket usually says
     * so itself, but once in a few dozen test runs it never did, and a snapshot's caller waited forever.
     */
    public void targetEnded(String reason) {
        markClosed(reason);
        if (socket != null) {
            socket.abort();
        }
    }

    @Override
    public void close() {
        if (socket != null && !closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS)
                    .whenComplete((ws, error) -> socket.abort());
        }
        markClosed("the connection was closed");
    }

    private void dispatch(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return; // not ours to fix: the inspector never sends malformed JSON, and one bad frame must not kill us
        }
        JsonNode id = message.get("id");
        if (id != null) {
            Pending request = pending.remove(id.asLong());
            if (request == null) {
                return;
            }
            JsonNode error = message.get("error");
            if (error != null) {
                request.reply.completeExceptionally(new InspectorException(
                        request.method + " failed: " + error.path("message").asText("unknown error")));
            } else {
                request.reply.complete(message.path("result"));
            }
            return;
        }
        List<Consumer<JsonNode>> handlers = eventHandlers.get(message.path("method").asText());
        if (handlers != null) {
            JsonNode params = message.path("params");
            for (Consumer<JsonNode> handler : handlers) {
                handler.accept(params);
            }
        }
    }

    private void markClosed(String reason) {
        if (closed.complete(reason)) {
            for (Long id : List.copyOf(pending.keySet())) {
                Pending request = pending.get(id);
                if (request != null) {
                    fail(id, closedError(request.method));
                }
            }
        }
    }

    private InspectorException closedError(String method) {
        return new InspectorException("the target closed the inspector connection (" + closed.getNow("closed")
                + ") before " + method + " finished");
    }

    private void fail(long id, InspectorException error) {
        Pending request = pending.remove(id);
        if (request != null) {
            request.reply.completeExceptionally(error);
        }
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    /** Collects each message from its partial frames, then handles it before asking for the next frame. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    dispatch(text);
                } catch (RuntimeException e) {
                    // A handler's failure is the handler's business; the session carries on.
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            markClosed("closed by the target, status " + statusCode + (reason.isEmpty() ? "" : ", " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            markClosed(describe(error));
        }
    }
}
