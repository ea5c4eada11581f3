package io.heapscope.model.graph;

/**
 * The edges of a snapshot, indexed by edge position in the file's {@code edges} array: the raw name_or_index, and
 * the type and target together in one int. The target is the target's node ordinal, already divided by the node
 * field count; it takes the low {@value #TYPE_SHIFT} bits and the type the four above. V8 has seven edge types and
 * a snapshot of 2^28 nodes would be a file of some ten gigabytes, so both fit; a byte per edge less is 43 MB of a
 * 1 GB snapshot's load, and the analyses' loops read an edge's type and target in one load.
 */
public record EdgeColumns(int count, int[] nameOrIndex, int[] typeAndTarget) {
    public static final int TYPE_SHIFT = 28;
    /** Edge types a snapshot may list. */
    public static final int MAX_TYPES = 1 << (Integer.SIZE - TYPE_SHIFT);
    /** Nodes a snapshot may have. */
    public static final int MAX_NODES = 1 << TYPE_SHIFT;
    private static final int TARGET_MASK = MAX_NODES - 1;

    /** The packed column value of an edge of {@code type} to node ordinal {@code target}. */
    public static int pack(int type, int target) {
        return type << TYPE_SHIFT | target;
    }

    public static int type(int typeAndTarget) {
        return typeAndTarget >>> TYPE_SHIFT;
    }

    public static int target(int typeAndTarget) {
        return typeAndTarget & TARGET_MASK;
    }
}
