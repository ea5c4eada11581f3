package io.heapscope.model.runtime;

/**
 * What a module action found: the resolved file, whether the cache held it, and from how many {@code children}
 * arrays it was removed (detach only).
 */
public record ModuleActionResult(ModuleAction action, String file, boolean wasCached, int detachedFrom) {
}
