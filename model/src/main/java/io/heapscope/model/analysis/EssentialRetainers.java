package io.heapscope.model.analysis;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.BitSet;

/**
 * For every vertex of the dominator tree's search, the owners of the essential edges that point at it: all the
 * tree asks of retainers. One int per essential edge plus one per node, where the graph's full retainer index takes
 * two ints per edge; and the tree's hottest loop reads one array instead of testing every retainer edge's bit. An
 * owner with two essential edges to a node appears twice; the tree takes a minimum over owners, so neither that nor
 * their order matters.
 *
 * <p>Laid out and filled {@linkplain #inPreorder in the search's preorder}, vertices and owners alike, once the
 * search has numbered them: the tree's semidominator step goes through the vertices from the last numbered to the
 * first, so it reads this index from end to start instead of at random, and needs no pass to renumber the owners.
 * Its random reads on the 319 MB benchmark file were a good part of the tree's time.
 *
 * <p>An owner takes three bytes while node counts fit in 24 bits (16.7 million nodes, a snapshot of some 1.5 GB):
 * this index is the biggest array at the load's peak (12.5 million owners for the 319 MB benchmark file, 43
 * million for the 1.1 GB one), and the tree reads it in order, one unaligned four-byte load per owner.
 */
final class EssentialRetainers {
    private static final int NARROW_NODES = 1 << 24;
    private static final int NARROW_MASK = NARROW_NODES - 1;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** By preorder number from 1: the first slot of its owners; one entry more for the end of the last. */
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
     * The index of {@code essential} edges by preorder number: {@code preorder} gives each vertex (node ordinal + 1)
     * its number from 1, {@code vertex} each number its vertex, and every node is numbered. {@code counts} holds
     * how many essential edges point at each node ordinal; it ends as spent cursors, garbage the caller may reuse.
     * Owners are preorder numbers minus one (see {@link #owner}). Progress is the node count, in the caller's
     * phase, from {@code progressBefore} on.
     */
    static EssentialRetainers inPreorder(HeapGraph graph, BitSet essential, int[] counts, int[] preorder,
                                         int[] vertex, ProgressMonitor monitor, long progressBefore) {
        return inPreorder(graph, essential, counts, preorder, vertex, monitor, progressBefore, true);
    }

    /** With {@code narrowIfFits} false, owners are ints whatever the node count. */
    static EssentialRetainers inPreorder(HeapGraph graph, BitSet essential, int[] counts, int[] preorder,
                                         int[] vertex, ProgressMonitor monitor, long progressBefore,
                                         boolean narrowIfFits) {
        int count = graph.nodeCount();
        int[] first = new int[count + 2];
        int start = 0;
        for (int w = 1; w <= count; w++) {
            first[w] = start;
            start += counts[vertex[w] - 1];
        }
        first[count + 1] = start;
        monitor.checkCancelled();
        boolean narrow = narrowIfFits && count <= NARROW_NODES && 3L * start + 1 <= Integer.MAX_VALUE - 16;
        EssentialRetainers index = new EssentialRetainers(first, start, narrow);

        // The counts by ordinal are spent: now each number's next free slot.
        int[] cursor = counts;
        System.arraycopy(first, 1, cursor, 1, count);
        for (int n = 0; n < count; n++) {
            int ownerNumber = preorder[n + 1] - 1;
            for (int e = graph.edgeStart(n), end = graph.edgeEnd(n); e < end; e++) {
                if (essential.get(e)) {
                    index.setOwner(cursor[preorder[graph.edgeTarget(e) + 1]]++, ownerNumber);
                }
            }
            if ((n & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                ProgressMonitor.checkpoint(monitor, progressBefore + n);
            }
        }
        monitor.progress(progressBefore + count);
        return index;
    }

    /** Slots of the owners of the vertex numbered {@code number} are {@code [start(number), end(number))}. */
    int start(int number) {
        return first[number];
    }

    int end(int number) {
        return first[number + 1];
    }

    /** The preorder number of the owner in {@code slot}, minus one. */
    int owner(int slot) {
        return narrowOwner != null ? (int) INT.get(narrowOwner, 3 * slot) & NARROW_MASK : owner[slot];
    }

    private void setOwner(int slot, int ownerNumber) {
        if (narrowOwner != null) {
            int at = 3 * slot;
            narrowOwner[at] = (byte) ownerNumber;
            narrowOwner[at + 1] = (byte) (ownerNumber >>> 8);
            narrowOwner[at + 2] = (byte) (ownerNumber >>> 16);
        } else {
            owner[slot] = ownerNumber;
        }
    }
}
