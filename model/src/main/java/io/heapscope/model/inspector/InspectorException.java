package io.heapscope.model.inspector;

import java.io.IOException;

/** A failure talking to a Node inspector: unreachable, closed, a protocol error reply, a timeout. */
public class InspectorException extends IOException {
    public InspectorException(String message) {
        super(message);
    }

    public InspectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
