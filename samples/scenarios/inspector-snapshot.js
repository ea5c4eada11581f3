'use strict';
// Takes a snapshot the way a debugger does: HeapProfiler.takeHeapSnapshot over the inspector protocol, whose
// text arrives as HeapProfiler.addHeapSnapshotChunk events. Saving the chunks as they come is what Chrome
// DevTools' "Save profile" writes too, so this is the format live snapshots in heapscope arrive in.
// Usage: node inspector-snapshot.js [out.heapsnapshot]
const fs = require('fs');
const inspector = require('inspector');
const { outPath, gc } = require('./snap');

class Widget {
  constructor(i) {
    this.id = i;
    this.label = `widget ${i}`;
  }
}
globalThis.widgets = Array.from({ length: 500 }, (_, i) => new Widget(i));

const file = outPath('inspector-snapshot');
gc();
const session = new inspector.Session();
session.connect();
const out = fs.openSync(file, 'w');
let chunks = 0;
session.on('HeapProfiler.addHeapSnapshotChunk', (message) => {
  fs.writeSync(out, message.params.chunk);
  chunks++;
});
session.post('HeapProfiler.takeHeapSnapshot', { reportProgress: false }, (error) => {
  session.disconnect();
  fs.closeSync(out);
  if (error) throw error;
  console.log(`${file} (${chunks} chunks)`);
});
