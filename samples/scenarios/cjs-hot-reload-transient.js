'use strict';
// A zombie that is not a leak: the fix of cjs-hot-reload-fixed.js (delete from require.cache and
// drop from the parent's `module.children`), but the old Module object is still in a local variable
// of the running top-level code when the snapshot is written. Only the stack holds it, so it is
// reachable yet goes away as soon as this code returns: heapscope must call it transient.
const snap = require('./snap');

const resolved = require.resolve('./hot/hot.js');
require(resolved);

const old = require.cache[resolved];
delete require.cache[resolved];
module.children.splice(module.children.indexOf(old), 1);
const hot = require(resolved);

console.log(`loaded ${hot.state.version} times; old copy version ${old.exports.state.version}`);
snap.write(snap.outPath('cjs-hot-reload-transient'));
// Keeps `old` live past the snapshot, so the optimiser cannot drop it from the frame earlier.
console.log(old.id);
