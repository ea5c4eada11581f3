package io.heapscope.model.inspector;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Where an inspector listens, as a user types it: {@code ws://host:port/uuid} (one target) or {@code host:port}
 * (targets listed by {@code /json/list}).
 *
 * <p>Only loopback is trusted by default: whoever reaches an inspector can run any code in the target, so a
 * remote address needs the user's explicit consent ({@link #requireLoopbackUnless}).
 */
public record InspectorAddress(String host, int port, URI webSocketUrl) {

    public static InspectorAddress parse(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("ws://") || trimmed.startsWith("wss://")) {
            URI uri = URI.create(trimmed);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("not an inspector URL: " + text);
            }
            return new InspectorAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), uri);
        }
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT or ws://HOST:PORT/ID, got: " + text);
        }
        String host = trimmed.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(trimmed.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port number in " + text);
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range in " + text);
        }
        return new InspectorAddress(host, port, null);
    }

    /** True when the host name resolves to loopback addresses only. */
    public boolean isLoopback() {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Refuses a non-loopback address unless the user confirmed the risk. */
    public InspectorAddress requireLoopbackUnless(boolean userAllowsRemote) throws InspectorException {
        if (!userAllowsRemote && !isLoopback()) {
            throw new InspectorException("refusing to connect to " + host + ":" + port
                    + ": it is not this machine, and an inspector runs any code a client sends it;"
                    + " confirm the remote connection to go on");
        }
        return this;
    }

    @Override
    public String toString() {
        return webSocketUrl != null ? webSocketUrl.toString() : host + ":" + port;
    }
}
