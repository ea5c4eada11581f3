'use strict';
// Classic CommonJS hot-reload leak ("delete only"): deleting the entry from require.cache makes the
// next require() evaluate the file again, but the old Module object is still listed in the parent
// module's `module.children`, so every old copy (its exports, its HotModuleState class and data)
// stays reachable. After 20 reloads there are 21 copies alive.
const snap = require('./snap');

const resolved = require.resolve('./hot/hot.js');
let hot = require(resolved);
for (let i = 0; i < 20; i++) {
  delete require.cache[resolved];
  hot = require(resolved);
}
console.log(`loaded ${hot.state.version} times; module.children: ${module.children.length}`);
snap.write(snap.outPath('cjs-hot-reload-leak'));
