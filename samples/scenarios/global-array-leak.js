'use strict';
// Unbounded global collection: a module-level "history" array only ever grows. Every LeakedRecord
// (and what it references) is retained through the global array.
const snap = require('./snap');

class LeakedRecord {
  constructor(i) {
    this.id = i;
    this.name = `record #${i}`;
    this.tags = ['a', 'b', String(i % 7)];
    this.createdAt = new Date(1700000000000 + i);
  }
}

global.history = [];
for (let i = 0; i < 10000; i++) global.history.push(new LeakedRecord(i));
snap.write(snap.outPath('global-array-leak'));
