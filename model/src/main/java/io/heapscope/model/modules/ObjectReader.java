package io.heapscope.model.modules;

import io.heapscope.model.graph.HeapGraph;

import java.util.Arrays;

/**
 * Reads JavaScript values out of the heap graph the way a debugger would: a named property, an array's elements,
 * an oddball's value, a string's text. The module finders look at a few thousand objects at most, so these scan a
 * node's edges by name; nothing here is on a per-node hot path.
 */
final class ObjectReader {
    static final int NONE = -1;

    private final HeapGraph graph;
    private final int propertyType;
    private final int internalType;
    private final int elementType;
    private final int hiddenType;
    private final int stringType;
    private final int consStringType;
    private final int slicedStringType;

    ObjectReader(HeapGraph graph) {
        this.graph = graph;
        this.propertyType = graph.edgeTypes().code("property");
        this.internalType = graph.edgeTypes().code("internal");
        this.elementType = graph.edgeTypes().code("element");
        this.hiddenType = graph.edgeTypes().code("hidden");
        this.stringType = graph.nodeTypes().code("string");
        this.consStringType = graph.nodeTypes().code("concatenated string");
        this.slicedStringType = graph.nodeTypes().code("sliced string");
    }

    HeapGraph graph() {
        return graph;
    }

    /** The target of the object's property {@code name}, or {@link #NONE} (absent, or a Smi V8 wrote no node for). */
    int property(int node, String name) {
        return edgeTo(node, propertyType, name);
    }

    /** The target of the object's internal edge {@code name}, or {@link #NONE}. */
    int internal(int node, String name) {
        return edgeTo(node, internalType, name);
    }

    private int edgeTo(int node, int type, String name) {
        for (int e = graph.edgeStart(node), end = graph.edgeEnd(node); e < end; e++) {
            if (graph.edgeType(e) == type && graph.edgeName(e).equals(name)) {
                return graph.edgeTarget(e);
            }
        }
        return NONE;
    }

    /** An array's elements in index order (holes and Smis have no edge, so they are missing). */
    int[] elements(int array) {
        int count = 0;
        for (int e = graph.edgeStart(array), end = graph.edgeEnd(array); e < end; e++) {
            if (graph.edgeType(e) == elementType) {
                count++;
            }
        }
        long[] indexAndTarget = new long[count];
        int i = 0;
        for (int e = graph.edgeStart(array), end = graph.edgeEnd(array); e < end; e++) {
            if (graph.edgeType(e) == elementType) {
                indexAndTarget[i++] = (Integer.toUnsignedLong(graph.edgeNameOrIndex(e)) << 32) | graph.edgeTarget(e);
            }
        }
        Arrays.sort(indexAndTarget);
        int[] targets = new int[count];
        for (i = 0; i < count; i++) {
            targets[i] = (int) indexAndTarget[i];
        }
        return targets;
    }

    /**
     * The targets of a V8 internal array's numbered internal edges ({@code "0"}, {@code "1"}, ...), in index order:
     * how the snapshot shows the slots of a FixedArray such as a module's requested modules or a hash table.
     * Returned as {@code index << 32 | target}.
     */
    long[] numberedSlots(int array) {
        long[] slots = new long[graph.edgeEnd(array) - graph.edgeStart(array)];
        int count = 0;
        for (int e = graph.edgeStart(array), end = graph.edgeEnd(array); e < end; e++) {
            if (graph.edgeType(e) == internalType) {
                int index = parseIndex(graph.edgeName(e));
                if (index >= 0) {
                    slots[count++] = ((long) index << 32) | graph.edgeTarget(e);
                }
            }
        }
        slots = Arrays.copyOf(slots, count);
        Arrays.sort(slots);
        return slots;
    }

    /** The targets of the node's hidden edges, as {@code index << 32 | target}, in index order. */
    long[] hiddenSlots(int node) {
        long[] slots = new long[graph.edgeEnd(node) - graph.edgeStart(node)];
        int count = 0;
        for (int e = graph.edgeStart(node), end = graph.edgeEnd(node); e < end; e++) {
            if (graph.edgeType(e) == hiddenType) {
                slots[count++] = (Integer.toUnsignedLong(graph.edgeNameOrIndex(e)) << 32) | graph.edgeTarget(e);
            }
        }
        slots = Arrays.copyOf(slots, count);
        Arrays.sort(slots);
        return slots;
    }

    private static int parseIndex(String name) {
        if (name.isEmpty() || name.length() > 9) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * An oddball's value: {@code "true"}, {@code "false"}, {@code "undefined"}, {@code "null"}, ... V8 writes
     * oddballs as {@code system / Oddball} nodes whose first string slot is the value's text. {@code null} if the
     * node is not an oddball.
     */
    String oddball(int node) {
        if (node == NONE || !graph.nodeName(node).equals("system / Oddball")) {
            return null;
        }
        for (int e = graph.edgeStart(node), end = graph.edgeEnd(node); e < end; e++) {
            int target = graph.edgeTarget(e);
            if (graph.edgeType(e) != internalType && graph.nodeType(target) == stringType) {
                return graph.nodeName(target);
            }
        }
        return null;
    }

    /** True if {@code node} is the oddball {@code true}. */
    boolean isTrue(int node) {
        return "true".equals(oddball(node));
    }

    /**
     * A string's text, or {@code null} if the node is not a string. Flat strings are their name; a concatenated
     * string is its {@code first} then {@code second} part, rebuilt without recursion. A sliced string's offset is
     * not in the snapshot, so it reads as {@code null}.
     */
    String string(int node) {
        if (node == NONE) {
            return null;
        }
        int type = graph.nodeType(node);
        if (type == stringType) {
            return graph.nodeName(node);
        }
        if (type != consStringType) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        int[] stack = new int[16];
        int top = 0;
        stack[top++] = node;
        while (top > 0) {
            int part = stack[--top];
            int partType = graph.nodeType(part);
            if (partType == stringType) {
                text.append(graph.nodeName(part));
            } else if (partType == consStringType) {
                int first = internal(part, "first");
                int second = internal(part, "second");
                if (first == NONE || second == NONE) {
                    return null;
                }
                if (top + 2 > stack.length) {
                    stack = Arrays.copyOf(stack, stack.length * 2);
                }
                stack[top++] = second;
                stack[top++] = first;
            } else {
                return null;
            }
        }
        return text.toString();
    }

    boolean isSlicedString(int node) {
        return node != NONE && graph.nodeType(node) == slicedStringType;
    }
}
