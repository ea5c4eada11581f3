package io.heapscope.model.analysis;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.progress.SideThread;
import io.heapscope.model.snapshot.HeapSnapshot;

import java.util.BitSet;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The numbers Chrome DevTools shows for every object of a snapshot, computed as DevTools computes them: shallow
 * size, distance, immediate dominator and retained size, by node ordinal. {@link #analyze} runs the phases in
 * DevTools' order, each reporting progress and checking for cancellation; there is no recursion over the graph.
 *
 * <p>Memory: per node an int each for distance, dominator and retained size (a long for the retained size once the
 * heap's total passes 4 GB), a bit for page ownership, and shallow sizes where they differ from self sizes; the
 * phases' temporary arrays are dropped when they end.
 */
public final class HeapAnalysis implements NodeMeasures {
    private final HeapSnapshot snapshot;
    private final ShallowSizes shallowSizes;
    private final int[] distances;
    private final int[] dominators;
    private final RetainedSizes retainedSizes;
    private final BitSet pageOwned;
    private final int unreachable;
    private volatile DominatedNodes dominated;

    private HeapAnalysis(HeapSnapshot snapshot, ShallowSizes shallowSizes, int[] distances, DominatorTree.Result tree,
                         BitSet pageOwned) {
        this.snapshot = snapshot;
        this.shallowSizes = shallowSizes;
        this.distances = distances;
        this.dominators = tree.dominators();
        this.retainedSizes = tree.retainedSizes();
        this.pageOwned = pageOwned;
        this.unreachable = tree.unreachable();
    }

    /** Runs every phase. Linear in nodes and edges, but for the dominator tree's near-linear path compression. */
    public static HeapAnalysis analyze(HeapSnapshot snapshot, ProgressMonitor monitor) {
        return analyze(snapshot, monitor, side -> null).analysis();
    }

    /** The analysis, and the result of work that ran beside it. */
    public record With<T>(HeapAnalysis analysis, T beside) {
    }

    /**
     * Runs every phase on two threads, and {@code beside} (e.g. naming classes, which needs only the graph) on the
     * second thread once its share is done. The dominator tree, the longest phase, is inherently sequential: it needs
     * the essential edges first, and they need page ownership. So this thread computes shallow sizes while the
     * second marks page ownership; then both select the essential edges of half the nodes each (one thread alone
     * kept the tree waiting); then this thread builds the tree, with its own index of the essential retainers,
     * while the second computes distances, which nothing here waits for until the end. Each phase computes exactly
     * what it computes alone. The graph's full retainer index is not built: the tree has its own, smaller one.
     */
    public static <T> With<T> analyze(HeapSnapshot snapshot, ProgressMonitor monitor,
                                      Function<ProgressMonitor, T> beside) {
        return analyze(snapshot, monitor, beside, analysis -> { });
    }

    /**
     * As {@link #analyze(HeapSnapshot, ProgressMonitor, Function)}, and {@code meanwhile} on this thread once the
     * analysis is done, while the second thread may still be busy with {@code beside}: it runs at a lower priority,
     * and its share can end after the tree (e.g. building {@link #dominated()} for a Summary that waits for the
     * classes named beside).
     */
    public static <T> With<T> analyze(HeapSnapshot snapshot, ProgressMonitor monitor,
                                      Function<ProgressMonitor, T> beside, Consumer<HeapAnalysis> meanwhile) {
        HeapGraph graph = snapshot.graph();
        // The reading's buffers and spare table blocks.
        PhaseCollections.boundary();
        RootKinds roots = new RootKinds(graph);
        try (SideThread side = new SideThread(monitor, "heapscope-analysis")) {
            Future<BitSet> pageOwned = side.submit(sideMonitor -> PageOwnership.mark(graph, roots, sideMonitor));
            Future<WeakMapEdgeNames> weakMapNames = side.submit(sideMonitor ->
                    WeakMapEdgeNames.of(graph.strings(), sideMonitor));
            EssentialGraph essential = EssentialGraph.start(graph, pageOwned, weakMapNames, side);
            Future<int[]> distances = side.submit(sideMonitor ->
                    Distances.compute(graph, roots, SideThread.await(weakMapNames), sideMonitor));
            Future<T> besideResult = side.submit(beside);
            ShallowSizes shallow = ShallowSizes.compute(graph, roots, monitor);
            monitor.endPhase();
            essential.finish(monitor);
            DominatorTree.Result tree = DominatorTree.compute(graph, essential, shallow, monitor);
            monitor.endPhase();
            // The tree's forest and retainer index, before the caller's next phase (e.g. the Summary) allocates.
            PhaseCollections.boundary();
            HeapAnalysis analysis = new HeapAnalysis(snapshot, shallow, SideThread.await(distances), tree,
                    SideThread.await(pageOwned));
            meanwhile.accept(analysis);
            return new With<>(analysis, SideThread.await(besideResult));
        }
    }

    public HeapSnapshot snapshot() {
        return snapshot;
    }

    public HeapGraph graph() {
        return snapshot.graph();
    }

    @Override
    public long shallowSize(int node) {
        return Integer.toUnsignedLong(shallowSizes.get(node));
    }

    @Override
    public long retainedSize(int node) {
        return retainedSizes.get(node);
    }

    @Override
    public int distance(int node) {
        return distances[node];
    }

    @Override
    public int dominator(int node) {
        return dominators[node];
    }

    /** Reachable from a {@code global} object (or the DOM) over non-weak edges. */
    public boolean isPageOwned(int node) {
        return pageOwned.get(node);
    }

    /** The dominator tree downwards; built on first use (two int arrays of the node count), then kept. */
    public DominatedNodes dominated() {
        DominatedNodes tree = dominated;
        if (tree == null) {
            synchronized (this) {
                if (dominated == null) {
                    dominated = DominatedNodes.of(this, snapshot.graph().nodeCount());
                }
                tree = dominated;
            }
        }
        return tree;
    }

    @Override
    public DominatedNodes dominatedNodes(int nodeCount) {
        return nodeCount == snapshot.graph().nodeCount() ? dominated() : NodeMeasures.super.dominatedNodes(nodeCount);
    }

    /**
     * Objects the root does not reach over essential edges; DevTools reports them ("N nodes are unreachable from
     * the root") and hangs them under the root.
     */
    public int unreachableFromRoot() {
        return unreachable;
    }
}
