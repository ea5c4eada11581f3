'use strict';
// A long-running, server-like app with the classic EventEmitter leak, for `heapscope demo listeners`.
// Every request builds a session and subscribes it to the app-wide `settings` emitter (so a settings change
// reaches requests in flight), and never unsubscribes: each request leaves a listener behind, and the listener's
// closure keeps the whole session (~4 KB) alive for as long as the app runs.
// The fix, switched on by `listenerHost.setFixed(true)`, removes the listener when the request ends.
// Nothing is served by itself: requests arrive only when a tool calls `listenerHost.burst(N)` in the target
// (heapscope demo does, through the inspector, as the user's explicit action).
// Run: node --inspect=127.0.0.1:0 listener-host.js   (heapscope demo listeners does this for you)
const { EventEmitter } = require('events');

const settings = new EventEmitter();
// Without this Node warns at the 11th listener (MaxListenersExceededWarning): the usual first hint of this leak.
// The demo wants the memory to speak, not the warning.
settings.setMaxListeners(0);
let fixed = false;
let served = 0;

function loadSession(requestId) {
  const cart = [];
  for (let i = 0; i < 40; i++) {
    cart.push({ sku: `sku-${requestId}-${i}`, quantity: (i % 3) + 1 });
  }
  return { requestId, user: `user-${requestId % 97}`, locale: 'en', cart };
}

function handleRequest(requestId) {
  const session = loadSession(requestId);
  const onSettingsChange = (next) => {
    session.locale = next.locale;
  };
  settings.on('change', onSettingsChange);
  const reply = `${session.user}: ${session.cart.length} items (${session.locale})`;
  if (fixed) {
    settings.off('change', onSettingsChange); // the fix: a request's subscription ends with the request
  }
  served++;
  return reply;
}

globalThis.listenerHost = {
  /** Serves `count` requests in a row; returns the listeners now on the emitter. */
  burst(count) {
    for (let i = 0; i < count; i++) {
      handleRequest(served + 1);
    }
    return settings.listenerCount('change');
  },
  /** Switches the fix on or off. */
  setFixed(on) {
    fixed = Boolean(on);
    return fixed;
  },
  /** Drops every listener, as restarting the app would: the fix keeps no leftovers of the leak. */
  restart() {
    settings.removeAllListeners('change');
    return settings.listenerCount('change');
  },
  listenerCount() {
    return settings.listenerCount('change');
  },
};

// Stay alive until told to stop, as a server does.
const timer = setInterval(() => {}, 1000);
process.on('SIGTERM', () => {
  clearInterval(timer);
  process.exit(0);
});
console.log(`listener host running (pid ${process.pid}); listenerHost.burst(N) serves N requests`);
