'use strict';
// A "hot-reloadable" module. Every evaluation of this file compiles a *new* HotModuleState class
// (distinct script, so distinct constructor location) and allocates ~100 KB of state, which makes
// each forgotten copy of the module easy to spot in a heap snapshot.
class HotModuleState {
  constructor(version) {
    this.version = version;
    this.loadedAt = Date.now();
    // ~100 KB: 1000 records of ~100 bytes each (object + short string + number).
    this.records = [];
    for (let i = 0; i < 1000; i++) {
      this.records.push({ key: `record-${version}-${i}`, value: i * version });
    }
  }
}

const loads = (global.__hotLoads = (global.__hotLoads || 0) + 1);
module.exports = { state: new HotModuleState(loads), HotModuleState };
