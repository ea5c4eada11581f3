'use strict';
// Timer leak: setInterval timers that are never cleared keep their callback, and with it the
// callback's closure context, alive forever. `.unref()` only stops them from keeping the process
// running; it does not release them, so the captured data stays reachable from the timer lists.
const snap = require('./snap');

class PollState {
  constructor(i) {
    this.id = i;
    this.samples = new Array(500).fill(i); // ~4 KB each
  }
}

for (let i = 0; i < 200; i++) {
  const state = new PollState(i);
  setInterval(function poll() {
    state.samples[0]++;
  }, 60000 + i).unref(); // long period: never fires during this run
}
snap.write(snap.outPath('timers-leak'));
