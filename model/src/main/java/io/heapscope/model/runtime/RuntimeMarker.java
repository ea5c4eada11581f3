package io.heapscope.model.runtime;

/** Something that happened in a runtime at {@code timeMillis}, drawn as a marker on its memory chart. */
public record RuntimeMarker(long timeMillis, Kind kind, String label) {

    public enum Kind { GC, SNAPSHOT, ACTION }
}
