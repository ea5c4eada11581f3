package io.heapscope.model.analysis;

/**
 * The per-node numbers DevTools shows, by node ordinal: what class naming, the Summary and the views are computed
 * from. {@link HeapAnalysis} provides them from our own analyses; tests may provide DevTools' own (the oracle's).
 */
public interface NodeMeasures {

    /** Distance of a node DevTools never reached. */
    int NO_DISTANCE = -5;
    /** Added to distances of objects reachable only through GC roots when the snapshot has user roots. */
    int BASE_SYSTEM_DISTANCE = 100_000_000;

    /** DevTools' "Shallow Size": the self size after owned arrays and hidden objects moved into their owner. */
    long shallowSize(int node);

    /** DevTools' "Retained Size": the sum of shallow sizes over the node's dominator subtree. */
    long retainedSize(int node);

    /** DevTools' "Distance" ({@link #NO_DISTANCE} when unreached). */
    int distance(int node);

    /** The ordinal of the node's immediate dominator; the root is its own dominator. */
    int dominator(int node);

    /** The dominator tree downwards. Builds it; implementations that keep one return theirs. */
    default DominatedNodes dominatedNodes(int nodeCount) {
        return DominatedNodes.of(this, nodeCount);
    }
}
