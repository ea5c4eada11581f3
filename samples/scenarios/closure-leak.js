'use strict';
// Closure leak: a small function is stored in a global, but its context captures a large object
// (~4 MB) that the function body uses. The function looks tiny; its retained size is huge.
const snap = require('./snap');

class BigCache {
  constructor() {
    this.blob = new Float64Array(256 * 1024); // 2 MB off-heap-ish backing store
    this.entries = [];
    for (let i = 0; i < 20000; i++) this.entries.push({ k: i, v: `entry ${i}` }); // ~2 MB of objects
  }
}

function makeHandler() {
  const cache = new BigCache();
  return function leakyHandler(i) {
    return cache.entries[i % cache.entries.length];
  };
}

global.handler = makeHandler();
snap.write(snap.outPath('closure-leak'));
