'use strict';
// A small module that cjs-reload-pair.js requires only between its two snapshots: "added" in the module diff.
module.exports = { name: 'config', retries: 3 };
