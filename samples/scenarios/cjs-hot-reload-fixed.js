'use strict';
// Same reload loop as cjs-hot-reload-leak.js, plus the fix: before re-requiring, also drop the old
// Module object from the parent's `module.children`. Then only the latest copy stays reachable.
const snap = require('./snap');

const resolved = require.resolve('./hot/hot.js');

// In a function of its own so that `old` dies with the call frame: a local still on the stack of
// the running top-level code would show up in the snapshot as a (Stack roots) retainer.
function reload() {
  const old = require.cache[resolved];
  delete require.cache[resolved];
  const idx = module.children.indexOf(old);
  if (idx !== -1) module.children.splice(idx, 1);
  return require(resolved);
}

let hot = require(resolved);
for (let i = 0; i < 20; i++) hot = reload();
console.log(`loaded ${hot.state.version} times; module.children: ${module.children.length}`);
snap.write(snap.outPath('cjs-hot-reload-fixed'));
