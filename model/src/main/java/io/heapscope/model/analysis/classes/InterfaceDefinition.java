package io.heapscope.model.analysis.classes;

import java.util.List;

/**
 * A name DevTools gives plain objects ({@code {state, render}}) and the properties an object must have to get it.
 * Definitions are inferred from one snapshot and may be applied to another (DevTools' Comparison view names the
 * base snapshot's objects with the target's definitions).
 *
 * @param name       the Summary name, e.g. {@code {id, label}}
 * @param properties the property names in the edge order they were first seen in, without {@code __proto__}
 */
public record InterfaceDefinition(String name, List<String> properties) {

    public InterfaceDefinition {
        properties = List.copyOf(properties);
    }
}
