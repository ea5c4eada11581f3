package io.heapscope.model.runtime.demo;

import java.util.List;

/** Every phase of a finished demo, in the order they ran (the leak first). */
public record DemoResult(DemoKind kind, String nodeVersion, List<PhaseResult> phases) {

    /** True when the demo showed what it is for: the leak phase grows and the fix phase stays flat. */
    public boolean showsLeakAndFix() {
        return phases.stream().allMatch(p -> p.verdict().grows() == p.phase().leak());
    }
}
