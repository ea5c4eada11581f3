// Takes a heap snapshot of leaky-page.html in headless Chromium, the way Chrome DevTools' Memory panel does:
// HeapProfiler.takeHeapSnapshot over the DevTools protocol, the text saved chunk by chunk from
// HeapProfiler.addHeapSnapshotChunk events. The result is a browser (Blink) snapshot: DOM nodes (HTMLDivElement,
// Text, ...), detached DOM trees (detachedness 2), the (Document DOM trees) synthetic root.
//
// Usage: node take-browser-snapshot.mjs [out.heapsnapshot] [--page FILE.html] [--chromium PATH]
//   out         default: browser-page.heapsnapshot in the current directory
//   --page      default: leaky-page.html next to this script
//   --chromium  default: $CHROMIUM, else the first of chromium, chromium-browser, google-chrome on PATH
// Needs the `ws` package (npm install in this folder). When run as root Chromium needs --no-sandbox, which is
// passed always (the page is our own). Chromium is killed at the end, also on errors and on Ctrl-C.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import WebSocket from 'ws';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const STARTUP_TIMEOUT_MS = 30_000;
const PAGE_TIMEOUT_MS = 30_000;
const SNAPSHOT_TIMEOUT_MS = 120_000;

function parseArgs(argv) {
  const args = { out: 'browser-page.heapsnapshot', page: path.join(HERE, 'leaky-page.html'), chromium: null };
  let outSeen = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--page' && i + 1 < argv.length) args.page = argv[++i];
    else if (a === '--chromium' && i + 1 < argv.length) args.chromium = argv[++i];
    else if (!a.startsWith('-') && !outSeen) { args.out = a; outSeen = true; }
    else {
      console.error('usage: node take-browser-snapshot.mjs [out.heapsnapshot] [--page FILE.html] [--chromium PATH]');
      process.exit(2);
    }
  }
  return args;
}

function findChromium(explicit) {
  if (explicit) return explicit;
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    } catch { /* not on PATH */ }
  }
  throw new Error('no Chromium found (install it, e.g. apt-get install chromium, or pass --chromium PATH)');
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Starts Chromium in its own process group (so the whole tree can be killed) and resolves with the browser's
// DevTools WebSocket URL, read from stderr: "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/UUID".
function launch(binary, pageUrl, userDataDir) {
  const flags = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-extensions', '--mute-audio', '--remote-debugging-port=0', '--remote-debugging-address=127.0.0.1',
    `--user-data-dir=${userDataDir}`, pageUrl,
  ];
  const child = spawn(binary, flags, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = new Promise((resolve, reject) => {
    let log = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text) => {
      log += text;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(log);
      if (m) resolve(m[1]);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => reject(new Error(
      `Chromium exited (${signal ?? code}) before it listened; its stderr:\n${log.slice(-4000)}`)));
  });
  return { child, endpoint: withTimeout(endpoint, STARTUP_TIMEOUT_MS, 'Chromium start-up') };
}

// Kills the process group started with Chromium (browser, renderer, GPU, utility) and resolves once the
// browser process is gone.
async function killTree(child) {
  if (!child) return;
  const exited = child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGKILL'); // the process group started with it: browser, renderer, GPU, utility
  } catch {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
  await withTimeout(exited, 5000, 'Chromium exit').catch(() => {});
  // Its helper processes die with it; wait (briefly) until the group is empty, so none outlives this script.
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(-child.pid, 0);
    } catch {
      return;
    }
    await sleep(100);
  }
}

// A minimal DevTools protocol client: commands by id, events by method (optionally for one session id).
class Cdp {
  constructor(ws) {
    this.ws = ws;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Map();
    ws.on('message', (data) => this.onMessage(JSON.parse(data.toString())));
    ws.on('close', () => {
      for (const { reject } of this.pending.values()) reject(new Error('DevTools connection closed'));
      this.pending.clear();
    });
  }

  static connect(url) {
    return withTimeout(new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 1 << 30 });
      ws.once('open', () => resolve(new Cdp(ws)));
      ws.once('error', reject);
    }), STARTUP_TIMEOUT_MS, `connect to ${url}`);
  }

  onMessage(msg) {
    if (msg.id !== undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message} (${msg.error.code})`));
      else p.resolve(msg.result);
    } else {
      for (const fn of this.listeners.get(msg.method) ?? []) fn(msg.params, msg.sessionId);
    }
  }

  send(method, params = {}, sessionId = undefined) {
    const id = this.nextId++;
    const msg = { id, method, params };
    if (sessionId) msg.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.ws.send(JSON.stringify(msg));
    });
  }

  on(method, fn) {
    if (!this.listeners.has(method)) this.listeners.set(method, []);
    this.listeners.get(method).push(fn);
  }

  close() {
    this.ws.terminate();
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const binary = findChromium(args.chromium);
  const pageUrl = pathToFileURL(path.resolve(args.page)).href;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'heapscope-chromium-'));
  let child = null;
  let cdp = null;
  const cleanup = async () => {
    if (cdp) cdp.close();
    await killTree(child);
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => cleanup().finally(() => process.exit(130)));
  }
  try {
    const launched = launch(binary, pageUrl, userDataDir);
    child = launched.child;
    const browserUrl = await launched.endpoint;
    cdp = await Cdp.connect(browserUrl);

    // The page target Chromium opened with pageUrl; attach to it in flat mode (one socket, session ids).
    const { targetInfos } = await cdp.send('Target.getTargets');
    const page = targetInfos.find((t) => t.type === 'page' && t.url === pageUrl)
        ?? targetInfos.find((t) => t.type === 'page');
    if (!page) throw new Error('no page target in Chromium');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: page.targetId, flatten: true });
    const send = (method, params) => cdp.send(method, params, sessionId);

    // Wait until the page's script has run to its end (it sets document.title last).
    await withTimeout((async () => {
      for (;;) {
        const { result } = await send('Runtime.evaluate', { expression: 'document.readyState + " " + document.title',
          returnByValue: true });
        if (result.value === 'complete leaky page ready') return;
        await sleep(100);
      }
    })(), PAGE_TIMEOUT_MS, `load ${pageUrl}`);

    await send('HeapProfiler.enable');
    await send('HeapProfiler.collectGarbage');
    await send('HeapProfiler.collectGarbage');

    const out = fs.createWriteStream(args.out);
    let chunks = 0;
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (params, sid) => {
      if (sid !== sessionId) return;
      out.write(params.chunk);
      chunks++;
    });
    await withTimeout(send('HeapProfiler.takeHeapSnapshot', { reportProgress: false }),
      SNAPSHOT_TIMEOUT_MS, 'HeapProfiler.takeHeapSnapshot');
    await new Promise((resolve, reject) => {
      out.on('error', reject);
      out.end(resolve);
    });
    const { product } = await cdp.send('Browser.getVersion');
    console.log(`${args.out} (${chunks} chunks, ${fs.statSync(args.out).size} bytes, ${product})`);
  } finally {
    await cleanup();
  }
}

main().catch((e) => {
  console.error(`take-browser-snapshot: ${e.message}`);
  process.exit(1);
});
