package io.heapscope.model.report;

/**
 * One leak suspect: an object, a class's instances or a collection that holds much of the heap.
 *
 * @param kind          what was found
 * @param title         one line naming it ({@code Array @6181 retains 2.1 MB (41 %)})
 * @param explanation   a sentence or two saying why it is suspect and where to look
 * @param node          the object whose retainer chain shows who holds it: the suspect object, the class's
 *                      biggest instance or the collection
 * @param retainedSize  what it retains (for a class: its instances together, nothing counted twice)
 * @param share         {@code retainedSize} as a fraction of the heap (the root's retained size)
 */
public record LeakSuspect(Kind kind, String title, String explanation, int node, long retainedSize, double share) {

    public enum Kind {
        /** One object retains a large share of the heap. */
        OBJECT,
        /** The instances of one class retain a large share together. */
        CLASS,
        /** A JS array, Map, Set or elements store with unusually many entries. */
        COLLECTION
    }
}
