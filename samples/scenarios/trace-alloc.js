'use strict';
// Snapshot WITH allocation tracking data (non-empty `trace_function_infos` and `trace_tree`, and
// `trace_node_id` filled in on the nodes).
//
// Why the inspector: v8.writeHeapSnapshot() only records allocation stacks if the heap profiler
// is tracking allocations. `node --track-heap-objects` does that from startup (and also works),
// but then the trace is dominated by Node's own bootstrap. Starting the tracking from inside the
// process, right before the workload, gives a small trace focused on our code, and needs no flag.
// So this script opens an in-process inspector session, starts
// HeapProfiler.startTrackingHeapObjects({ trackAllocations: true }), allocates objects from a few
// named functions (so the trace tree has real call stacks), and then writes the snapshot with
// v8.writeHeapSnapshot(), which sees the running allocation tracker and includes its data.
//
// Why not take the snapshot through the protocol (takeHeapSnapshot / stopTrackingHeapObjects,
// streamed as HeapProfiler.addHeapSnapshotChunk events)? In-process, the chunk events are
// delivered to JS *while* V8 is still serializing, and the JS that handles them allocates under
// the tracker. New functions are then added to trace_function_infos after the header's
// `trace_function_count` was written, so the file is inconsistent (e.g. count 28, 37 infos) and
// DevTools' loader crashes on it. v8.writeHeapSnapshot() writes from C++ with no JS in between.
const inspector = require('inspector');
const snap = require('./snap');

const file = snap.outPath('trace-alloc');

class TracedItem {
  constructor(i) {
    this.i = i;
    this.label = `item ${i}`;
  }
}

// Distinct named functions, nested, so the allocation trace tree has several levels.
function makeItems(n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(new TracedItem(i));
  return out;
}
function makeBuffers(n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(new Uint8Array(64));
  return out;
}
function buildWorkload() {
  return {
    items: makeItems(5000),
    buffers: makeBuffers(500),
    labels: makeItems(100).map((it) => it.label.toUpperCase()),
  };
}

const session = new inspector.Session();
session.connect();

// Session.post is callback based; in-process it completes synchronously, but wrap anyway.
const post = (method, params) =>
  new Promise((resolve, reject) =>
    session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));

(async () => {
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startTrackingHeapObjects', { trackAllocations: true });

  global.workload = buildWorkload(); // allocated while tracking: gets trace_node_ids

  snap.write(file);

  // Disconnecting disables the profiler agent, which stops tracking without taking another
  // snapshot (stopTrackingHeapObjects would take and stream one).
  session.disconnect();
})().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
