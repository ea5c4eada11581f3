package io.heapscope.model.analysis.classes;

/**
 * One row of DevTools' Summary view ("All objects").
 *
 * @param key              DevTools' class key ({@code ,name} or {@code scriptId,line,column,name})
 * @param name             the class name shown
 * @param count            instances with a shallow size above 0 (DevTools leaves size-0 nodes out entirely)
 * @param shallowSizeSum   sum of those instances' shallow sizes
 * @param retainedSizeSum  sum of the retained sizes of the top-most instances only: those with no instance of the
 *                         same class among their dominator-tree ancestors, so nothing is counted twice
 * @param minDistance      the smallest distance of an instance (may be {@code NodeMeasures.NO_DISTANCE})
 */
public record ClassRow(String key, String name, int count, long shallowSizeSum, long retainedSizeSum,
                       int minDistance) {
}
