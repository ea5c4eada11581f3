'use strict';
// Smallest realistic Node snapshot: nothing is allocated on purpose, so the file holds only what
// Node itself keeps alive (builtins, the module loader, the global object, ...).
const snap = require('./snap');
snap.write(snap.outPath('tiny'));
