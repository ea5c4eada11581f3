'use strict';
// A long-running app with a hot-reloadable plugin, for heapscope's live runtime (`heapscope watch`, the desktop
// Runtimes window). Every tick it asks `require` for the plugin, as apps that load handlers lazily do; when a
// tool clears the plugin from require.cache, the next require evaluates the file again.
//   "delete only" (delete require.cache[file]): the old copy stays in this module's `children`: one zombie per
//   reload, each holding the plugin's ~200 KB of state.
//   "delete and detach" (also remove it from `children`): the old copy is collected.
// Run: node --inspect=127.0.0.1:0 plugin-host.js   (heapscope watch --launch does this for you)
const path = require('path');

const pluginFile = path.join(__dirname, 'plugins', 'greeter.js');
let served = 0;

function tick() {
  const plugin = require(pluginFile);
  served += plugin.greet('tick').length;
}

tick();
const timer = setInterval(tick, 100);
process.on('SIGTERM', () => {
  clearInterval(timer);
  process.exit(0);
});
console.log(`plugin host running (pid ${process.pid}); plugin: ${pluginFile}`);
