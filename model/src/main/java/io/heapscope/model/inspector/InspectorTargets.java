package io.heapscope.model.inspector;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Finds the targets an inspector offers, through its HTTP endpoint {@code /json/list}. */
public final class InspectorTargets {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private InspectorTargets() {
    }

    public static List<InspectorTarget> list(String host, int port) throws InspectorException {
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        URI uri = URI.create("http://" + hostPart + ":" + port + "/json/list");
        // HTTP/1.1 only: the inspector answers 400 to the HTTP/2 upgrade request Java sends by default.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT).build();
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new InspectorException(uri + " answered HTTP " + response.statusCode());
            }
            List<InspectorTarget> targets = new ArrayList<>();
            for (JsonNode target : InspectorConnection.JSON.readTree(response.body())) {
                String ws = target.path("webSocketDebuggerUrl").asText("");
                if (!ws.isEmpty()) {
                    targets.add(new InspectorTarget(target.path("id").asText(), target.path("type").asText(),
                            target.path("title").asText(), target.path("url").asText(), URI.create(ws)));
                }
            }
            return targets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InspectorException("interrupted while listing the targets at " + uri);
        } catch (InspectorException e) {
            throw e;
        } catch (IOException e) {
            throw new InspectorException("no inspector answers at " + host + ":" + port + " (" + e + ")", e);
        }
    }

    /** The debugger URL to connect to: the address's own, or the only (first) target listed at host:port. */
    public static URI resolve(InspectorAddress address) throws InspectorException {
        if (address.webSocketUrl() != null) {
            return address.webSocketUrl();
        }
        List<InspectorTarget> targets = list(address.host(), address.port());
        if (targets.isEmpty()) {
            throw new InspectorException("the inspector at " + address + " lists no target to debug");
        }
        return targets.get(0).webSocketDebuggerUrl();
    }
}
