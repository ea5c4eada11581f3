package io.heapscope.model.analysis;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.BitSet;

/**
 * For every node, the owners of the essential edges that point at it: all the dominator tree asks of retainers.
 * One int per essential edge plus one per node, where the graph's full retainer index takes two ints per edge; and
 * the tree's hottest loop reads one array instead of testing every retainer edge's bit. An owner with two essential
 * edges to a node appears twice; the tree takes a minimum over owners, so neither that nor their order matters.
 *
 * <p>Built in the same halves the essential edges were selected in, one per thread: {@link #layOut} places each
 * half's owners of a node one after the other, using the counts the selection made, then each thread
 * {@linkplain #fill fills} its half.
 *
 * <p>An owner takes three bytes while node ordinals fit in 24 bits (16.7 million nodes, a snapshot of some 1.5 GB):
 * this index is the biggest array at the load's peak (12.5 million owners for the 319 MB benchmark file, 43
 * million for the 1.1 GB one), and the tree reads it in order, one unaligned four-byte load per owner.
 */
final class EssentialRetainers {
    static final String PHASE = "Indexing essential retainers";
    private static final int NARROW_NODES = 1 << 24;
    private static final int NARROW_MASK = NARROW_NODES - 1;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final int[] first;
    /** Owners as ints, or null when they are {@link #narrowOwner}. */
    private final int[] owner;
    /** Owners in three little-endian bytes each, and one byte more so the last can be read as an int. */
    private final byte[] narrowOwner;

    private EssentialRetainers(int[] first, int slots, boolean narrow) {
        this.first = first;
        if (narrow) {
            owner = null;
            narrowOwner = new byte[3 * slots + 1];
        } else {
            owner = new int[slots];
            narrowOwner = null;
        }
    }

    /**
     * Where each node's owners go. Each half's target counts become that half's fill cursors (the first half's
     * owners of a node before the second's), so the two halves can be filled at the same time.
     */
    static EssentialRetainers layOut(EssentialEdges.Selection firstHalf, EssentialEdges.Selection secondHalf,
                                     ProgressMonitor monitor) {
        return layOut(firstHalf, secondHalf, monitor, true);
    }

    /** With {@code narrowIfFits} false, owners are ints whatever the node count. */
    static EssentialRetainers layOut(EssentialEdges.Selection firstHalf, EssentialEdges.Selection secondHalf,
                                     ProgressMonitor monitor, boolean narrowIfFits) {
        int[] cursorsBefore = firstHalf.targetCounts();
        int[] cursorsAfter = secondHalf.targetCounts();
        int nodeCount = cursorsBefore.length - 1;
        int[] first = new int[nodeCount + 1];
        int start = 0;
        for (int n = 0; n < nodeCount; n++) {
            int before = cursorsBefore[n];
            int after = cursorsAfter[n];
            first[n] = start;
            cursorsBefore[n] = start;
            cursorsAfter[n] = start + before;
            start += before + after;
        }
        first[nodeCount] = start;
        monitor.checkCancelled();
        boolean narrow = narrowIfFits && nodeCount <= NARROW_NODES && 3L * start + 1 <= Integer.MAX_VALUE - 16;
        return new EssentialRetainers(first, start, narrow);
    }

    /**
     * Writes the owners of {@code half}'s edges; the two halves may be filled at the same time. Progress is
     * nodes of the half, in the caller's phase.
     */
    void fill(HeapGraph graph, EssentialEdges.Selection half, ProgressMonitor monitor) {
        BitSet essential = half.edges();
        int[] cursor = half.targetCounts();
        for (int n = half.fromNode(), to = half.toNode(); n < to; n++) {
            for (int e = graph.edgeStart(n), end = graph.edgeEnd(n); e < end; e++) {
                if (essential.get(e)) {
                    setOwner(cursor[graph.edgeTarget(e)]++, n);
                }
            }
            if ((n & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                ProgressMonitor.checkpoint(monitor, n - half.fromNode());
            }
        }
        monitor.progress(half.toNode() - half.fromNode());
    }

    /**
     * Replaces each owner {@code o} by {@code numbers[o + shift] - shift}, for the dominator tree, which works in
     * preorder numbers from 1: {@code numbers} maps {@code [shift, nodeCount + shift)} onto itself, so the new owners
     * fit where ordinals did.
     */
    void renumberOwners(int[] numbers, int shift) {
        int slots = first[first.length - 1];
        for (int slot = 0; slot < slots; slot++) {
            setOwner(slot, numbers[owner(slot) + shift] - shift);
        }
    }

    /** Slots of {@code node}'s essential retainers are {@code [start(node), end(node))}. */
    int start(int node) {
        return first[node];
    }

    int end(int node) {
        return first[node + 1];
    }

    int owner(int slot) {
        return narrowOwner != null ? (int) INT.get(narrowOwner, 3 * slot) & NARROW_MASK : owner[slot];
    }

    /** Byte stores when narrow: the other thread may be filling the neighbouring slots. */
    private void setOwner(int slot, int node) {
        if (narrowOwner != null) {
            int at = 3 * slot;
            narrowOwner[at] = (byte) node;
            narrowOwner[at + 1] = (byte) (node >>> 8);
            narrowOwner[at + 2] = (byte) (node >>> 16);
        } else {
            owner[slot] = node;
        }
    }
}
