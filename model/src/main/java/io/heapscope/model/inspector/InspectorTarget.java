package io.heapscope.model.inspector;

import java.net.URI;

/** One debuggable target as {@code /json/list} describes it. */
public record InspectorTarget(String id, String type, String title, String url, URI webSocketDebuggerUrl) {
}
