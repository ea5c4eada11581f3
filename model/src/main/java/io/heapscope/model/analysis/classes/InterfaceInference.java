package io.heapscope.model.analysis.classes;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * DevTools' {@code inferInterfaceDefinitions}: the popular property lists of plain objects become names. Each plain
 * object (type {@code object}, name {@code Object}) proposes the name built from its property edges in edge order
 * ({@code __proto__} skipped; names stop being added once the text would pass 120 characters, but the first is
 * always kept); a proposal shared by at least max(2, plain objects / 1000) objects is kept. Linear in the plain
 * objects' edges; one string per plain object, as DevTools builds.
 */
final class InterfaceInference {
    static final String PHASE = "Inferring object shapes";

    private static final int MIN_INTERFACE_PROPERTY_COUNT = 1;
    private static final int MAX_INTERFACE_NAME_LENGTH = 120;
    private static final int MIN_OBJECT_COUNT_PER_INTERFACE = 2;
    private static final int MIN_OBJECT_PROPORTION_PER_INTERFACE = 1000;

    private InterfaceInference() {
    }

    private static final class Candidate {
        final String name;
        final String[] properties;
        int count = 1;

        Candidate(String name, String[] properties) {
            this.name = name;
            this.properties = properties;
        }
    }

    static List<InterfaceDefinition> infer(HeapGraph graph, ProgressMonitor monitor) {
        int nodeCount = graph.nodeCount();
        int objectType = graph.nodeTypes().code("object");
        int propertyType = graph.edgeTypes().code("property");
        monitor.beginPhase(PHASE, nodeCount);

        // Insertion order matters: the sort below is stable, so equally popular names keep first-seen order.
        HashMap<String, Candidate> byName = new HashMap<>();
        List<Candidate> inOrder = new ArrayList<>();
        StringBuilder name = new StringBuilder(MAX_INTERFACE_NAME_LENGTH + 16);
        String[] properties = new String[16];
        long plainObjects = 0;
        for (int node = 0; node < nodeCount; node++) {
            if ((node & 0xFFFF) == 0) {
                monitor.checkCancelled();
                monitor.progress(node);
            }
            if (!isPlainObject(graph, node, objectType)) {
                continue;
            }
            plainObjects++;
            name.setLength(0);
            name.append('{');
            int count = 0;
            for (int edge = graph.edgeStart(node), end = graph.edgeEnd(node); edge < end; edge++) {
                if (graph.edgeType(edge) != propertyType) {
                    continue;
                }
                String property = graph.strings().get(graph.edgeNameOrIndex(edge));
                if (property.equals("__proto__")) {
                    continue;
                }
                String formatted = PropertyNames.format(property);
                if (name.length() > MIN_INTERFACE_PROPERTY_COUNT
                        && name.length() + formatted.length() > MAX_INTERFACE_NAME_LENGTH) {
                    break;
                }
                if (name.length() != 1) {
                    name.append(", ");
                }
                name.append(formatted);
                if (count == properties.length) {
                    properties = Arrays.copyOf(properties, count * 2);
                }
                properties[count++] = property;
            }
            // An empty {} would read as "objects with no properties", which is not what it would mean.
            if (count == 0) {
                continue;
            }
            String interfaceName = name.append('}').toString();
            Candidate candidate = byName.get(interfaceName);
            if (candidate != null) {
                candidate.count++;
            } else {
                candidate = new Candidate(interfaceName, Arrays.copyOf(properties, count));
                byName.put(interfaceName, candidate);
                inOrder.add(candidate);
            }
        }
        monitor.progress(nodeCount);

        inOrder.sort((a, b) -> Integer.compare(b.count, a.count));
        double minCount = Math.max(MIN_OBJECT_COUNT_PER_INTERFACE,
                plainObjects / (double) MIN_OBJECT_PROPORTION_PER_INTERFACE);
        List<InterfaceDefinition> result = new ArrayList<>();
        for (Candidate candidate : inOrder) {
            if (candidate.count < minCount) {
                break;
            }
            result.add(new InterfaceDefinition(candidate.name, Arrays.asList(candidate.properties)));
        }
        return List.copyOf(result);
    }

    /** DevTools' {@code isPlainJSObject}: type {@code object} and raw name {@code Object}. */
    static boolean isPlainObject(HeapGraph graph, int node, int objectType) {
        return graph.nodeType(node) == objectType && "Object".equals(graph.nodeName(node));
    }
}
