'use strict';
// Listener leak: a long-lived EventEmitter collects 1000 listeners that are never removed. Each
// listener is a closure whose context captures its own ~2 KB payload, so the emitter's `_events`
// array retains ~2 MB. (setMaxListeners avoids the MaxListenersExceededWarning noise; real apps
// often do exactly that to silence the warning instead of fixing the leak.)
const { EventEmitter } = require('events');
const snap = require('./snap');

class RequestPayload {
  constructor(i) {
    this.id = i;
    this.body = new Array(200).fill(i); // ~1.6 KB of elements
    this.header = `request-${i}`;
  }
}

const bus = new EventEmitter();
bus.setMaxListeners(0);
global.bus = bus; // long-lived, like a module-level singleton

function subscribe(i) {
  const payload = new RequestPayload(i); // captured by the closure below
  bus.on('config-changed', function onConfigChanged() {
    return payload.id;
  });
}
for (let i = 0; i < 1000; i++) subscribe(i);

console.log(`listeners: ${bus.listenerCount('config-changed')}`);
snap.write(snap.outPath('listeners-leak'));
