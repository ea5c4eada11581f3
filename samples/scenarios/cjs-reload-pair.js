'use strict';
// Two snapshots of ONE process around a hot-reload loop, for the module diff: before, hot.js is
// loaded once; after, it was reloaded 5 times with "delete only" (the leak of cjs-hot-reload-leak.js)
// and config.js was loaded for the first time. So the module diff shows hot.js's first copy turning
// from cached into a zombie, 4 more zombie copies and a new cached copy, and config.js added.
//
// Usage: node cjs-reload-pair.js [before-path] [after-path]
const path = require('path');
const snap = require('./snap');

const beforeFile = path.resolve(process.argv[2] || 'reload-before.heapsnapshot');
const afterFile = path.resolve(process.argv[3] || 'reload-after.heapsnapshot');

const resolved = require.resolve('./hot/hot.js');
let hot = require(resolved);
snap.write(beforeFile);

for (let i = 0; i < 5; i++) {
  delete require.cache[resolved];
  hot = require(resolved);
}
const config = require('./hot/config.js');
console.log(`hot.js loaded ${hot.state.version} times; config ${config.name}`);
snap.write(afterFile);
