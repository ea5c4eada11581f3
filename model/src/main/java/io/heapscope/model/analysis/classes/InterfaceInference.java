package io.heapscope.model.analysis.classes;

import io.heapscope.model.analysis.NameIndexes;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.graph.StringTable;
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
 * objects' edges. DevTools builds a string per plain object; here a name is made once per distinct property list.
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
        int count;

        Candidate(String name, String[] properties) {
            this.name = name;
            this.properties = properties;
        }
    }

    static List<InterfaceDefinition> infer(HeapGraph graph, ProgressMonitor monitor) {
        int nodeCount = graph.nodeCount();
        PlainObjects plain = new PlainObjects(graph);
        int propertyType = graph.edgeTypes().code("property");
        monitor.beginPhase(PHASE, nodeCount);
        StringTable strings = graph.strings();
        NameIndexes protoNames = new NameIndexes(strings, "__proto__");
        FormattedLengths lengths = new FormattedLengths(strings);

        // A plain object's property list is found by its string indexes, without making its name: the name is made
        // once per distinct list.
        PropertyLists lists = new PropertyLists();
        List<Candidate> byList = new ArrayList<>();
        // Insertion order matters: the sort below is stable, so equally popular names keep first-seen order.
        HashMap<String, Candidate> byName = new HashMap<>();
        List<Candidate> inOrder = new ArrayList<>();
        int[] properties = new int[16];
        long plainObjects = 0;
        for (int node = 0; node < nodeCount; node++) {
            if ((node & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                ProgressMonitor.checkpoint(monitor, node);
            }
            if (!plain.test(node)) {
                continue;
            }
            plainObjects++;
            // The length of "{" and the formatted names so far, joined by ", ".
            int nameLength = 1;
            int count = 0;
            for (int edge = graph.edgeStart(node), end = graph.edgeEnd(node); edge < end; edge++) {
                if (graph.edgeType(edge) != propertyType) {
                    continue;
                }
                int property = graph.edgeNameOrIndex(edge);
                if (protoNames.matches(property)) {
                    continue;
                }
                int formatted = lengths.of(property);
                if (nameLength > MIN_INTERFACE_PROPERTY_COUNT && nameLength + formatted > MAX_INTERFACE_NAME_LENGTH) {
                    break;
                }
                nameLength += (nameLength != 1 ? 2 : 0) + formatted;
                if (count == properties.length) {
                    properties = Arrays.copyOf(properties, count * 2);
                }
                properties[count++] = property;
            }
            // An empty {} would read as "objects with no properties", which is not what it would mean.
            if (count == 0) {
                continue;
            }
            int list = lists.add(properties, count);
            if (list == byList.size()) {
                byList.add(candidateOf(strings, properties, count, byName, inOrder));
            }
            byList.get(list).count++;
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

    /**
     * The candidate named by a property list seen for the first time. Lists of different string indexes share a
     * name only if the strings section holds a text twice, which V8 never writes; DevTools counts by name.
     */
    private static Candidate candidateOf(StringTable strings, int[] properties, int count,
                                         HashMap<String, Candidate> byName, List<Candidate> inOrder) {
        StringBuilder name = new StringBuilder(MAX_INTERFACE_NAME_LENGTH + 16).append('{');
        String[] texts = new String[count];
        for (int i = 0; i < count; i++) {
            texts[i] = strings.get(properties[i]);
            name.append(i > 0 ? ", " : "").append(PropertyNames.format(texts[i]));
        }
        String interfaceName = name.append('}').toString();
        Candidate candidate = byName.get(interfaceName);
        if (candidate == null) {
            candidate = new Candidate(interfaceName, texts);
            byName.put(interfaceName, candidate);
            inOrder.add(candidate);
        }
        return candidate;
    }
}
