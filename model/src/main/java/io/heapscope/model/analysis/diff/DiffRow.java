package io.heapscope.model.analysis.diff;

/**
 * One row of DevTools' Comparison view: how one class key changed from the base snapshot to the target. Sizes are
 * DevTools' shallow sizes in bytes.
 *
 * @param classKey     DevTools' class key ({@code ,name} or {@code scriptId,line,column,name})
 * @param className    the name shown (the target's; for a key only the base has, the base's)
 * @param newCount     "# New": target objects of the key whose id the base's objects of the key do not have
 * @param deletedCount "# Deleted": base objects of the key whose id the target's objects of the key do not have
 * @param deltaCount   "# Delta": {@code newCount - deletedCount}
 * @param allocSize    "Alloc. Size": the new objects' shallow sizes in the target
 * @param freedSize    "Freed Size": the deleted objects' shallow sizes in the base
 * @param sizeDelta    "Size Delta": {@code allocSize - freedSize}
 */
public record DiffRow(String classKey, String className, int newCount, int deletedCount, int deltaCount,
                      long allocSize, long freedSize, long sizeDelta) {

    public DiffRow {
        if (deltaCount != newCount - deletedCount || sizeDelta != allocSize - freedSize) {
            throw new IllegalArgumentException("inconsistent deltas in " + classKey);
        }
    }

    /** A row from its counts and sizes; the deltas follow. */
    static DiffRow of(String classKey, String className, int newCount, int deletedCount, long allocSize,
                      long freedSize) {
        return new DiffRow(classKey, className, newCount, deletedCount, newCount - deletedCount, allocSize,
                freedSize, allocSize - freedSize);
    }
}
