package io.heapscope.model.modules;

/**
 * One module across two snapshots. A side the module is missing from has index {@code -1}, state {@code null} and
 * size 0.
 *
 * @param baseModule    index in the base snapshot's {@link ModuleGraph#modules()}, or {@code -1} (added)
 * @param targetModule  index in the target snapshot's, or {@code -1} (removed)
 */
public record ModuleChange(ModuleKind kind, String name, int baseModule, int targetModule, ModuleState baseState,
                           ModuleState targetState, long baseRetainedSize, long targetRetainedSize) {

    public boolean isAdded() {
        return baseModule < 0;
    }

    public boolean isRemoved() {
        return targetModule < 0;
    }

    /** A zombie in the target that was not one in the base: added as a zombie, or dropped from its cache since. */
    public boolean isNewZombie() {
        return targetState == ModuleState.ZOMBIE && baseState != ModuleState.ZOMBIE;
    }

    /** The state change in words: {@code new, cached}, {@code gone, was cached}, {@code cached → zombie}, {@code main}. */
    public String stateText() {
        if (isAdded()) {
            return "new, " + targetState.label();
        }
        if (isRemoved()) {
            return "gone, was " + baseState.label();
        }
        return baseState == targetState ? targetState.label() : baseState.label() + " → " + targetState.label();
    }

    public long retainedSizeDelta() {
        return targetRetainedSize - baseRetainedSize;
    }
}
