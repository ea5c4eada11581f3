'use strict';
// Shared helper for the scenario scripts: resolve the output path, collect garbage, write the snapshot.
//
// Why a helper: every scenario must behave the same way (optional path argument, gc first, print the
// path), and keeping that in one place keeps the scenario scripts focused on the leak they reproduce.
const path = require('path');
const v8 = require('v8');

/** Output path: first CLI argument if given, else `<defaultName>.heapsnapshot` in the cwd. */
function outPath(defaultName, argv = process.argv) {
  return path.resolve(argv[2] || `${defaultName}.heapsnapshot`);
}

/** Run a full GC if node was started with --expose-gc (so only truly retained objects remain). */
function gc() {
  if (typeof global.gc === 'function') global.gc();
}

/** GC, write the snapshot to `file`, print and return the path. */
function write(file) {
  gc();
  const written = v8.writeHeapSnapshot(file);
  console.log(written);
  return written;
}

module.exports = { outPath, gc, write };
