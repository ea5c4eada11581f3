package io.heapscope.model.runtime.demo;

import io.heapscope.model.runtime.WatchCycle;

/**
 * One measured cycle of a demo phase: the watch cycle, and the phase's probe value (-1 without a probe).
 *
 * @param phase  index of the phase in the scenario
 * @param number the cycle's number across the whole demo (1.. over all phases), for one continuous chart
 */
public record DemoCycle(int phase, int number, WatchCycle watch, long probe) {
}
