package io.heapscope.model.analysis.order;

/**
 * The columns DevTools' heap views sort by. Each view maps its column to one of these; {@link NodeOrder},
 * {@link EdgeOrder} and {@link ClassOrder} say what the key means for objects, edges and classes.
 */
public enum SortKey {
    /** The Constructor / Object column: class name, an object's id, an edge's name. */
    NAME,
    DISTANCE,
    /** The Summary's object count; objects and edges then keep their name order, as DevTools does. */
    COUNT,
    SHALLOW_SIZE,
    RETAINED_SIZE
}
