package io.heapscope.model.runtime.demo;

import io.heapscope.model.runtime.WatchPlan;

/**
 * One half of a demo: the leak or its fix, run as a watch on the sample app.
 *
 * @param caption     what a presenter's audience reads while it runs ("Leak: delete only")
 * @param explanation one sentence on what each cycle does
 * @param setup       an expression evaluated once in the target before the cycles (switch the fix on), or null
 * @param setupLabel  the setup in words, for the chart marker and the progress line
 * @param plan        the watch each cycle runs (its cycle count is the phase's)
 * @param measure     what tells growth from flat in this demo
 * @param probe       an expression evaluated after each cycle for a count the app itself knows (its listeners), or null
 * @param probeLabel  what the probe counts ("listeners"), or null
 */
public record DemoPhase(String caption, String explanation, boolean leak, String setup, String setupLabel,
                        WatchPlan plan, DemoMeasure measure, String probe, String probeLabel) {
}
