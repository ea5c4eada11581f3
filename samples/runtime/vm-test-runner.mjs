// A long-running test runner in the style of Jest's ESM mode, for heapscope's live runtime. Each call of
// `globalThis.runTestFile()` evaluates a "test file" as vm.SourceTextModules in a fresh vm.Context, and keeps
// no reference to them afterwards.
// On Node 20 those modules still pile up under the GC an app normally gets, and vanish only in the more
// thorough GC a heap snapshot runs (it clears V8's compilation cache), so a snapshot alone says "no leak":
// compare heap used after a normal GC with heap used after the snapshot's GC.
// Run: node --experimental-vm-modules --inspect=127.0.0.1:0 vm-test-runner.mjs
// The fix on Node 20: V8's compilation cache is what keeps them (it holds each module's context), so a runner
// started with `node --no-compilation-cache`, or calling `useCompilationCache(false)` first, stays flat.
import vm from 'node:vm';
import v8 from 'node:v8';

let filesRun = 0;

globalThis.runTestFile = async function runTestFile() {
  const index = ++filesRun;
  const context = vm.createContext({ testIndex: index });
  const helper = new vm.SourceTextModule(
    'export class Fixture { constructor(n) { this.rows = Array.from({ length: n }, (_, k) => ({ k, label: "row " + k })); } }',
    { context, identifier: `helper-${index}.mjs` },
  );
  const test = new vm.SourceTextModule(
    `import { Fixture } from 'helper';
     export const fixture = new Fixture(2000);
     export const title = 'test file ' + testIndex;`,
    { context, identifier: `test-${index}.test.mjs` },
  );
  await test.link((specifier) => {
    if (specifier === 'helper') return helper;
    throw new Error(`cannot resolve ${specifier}`);
  });
  await test.evaluate();
  return test.namespace.title;
};

/** Runs `count` test files one after the other, as a test runner's round does; returns how many ran in all. */
globalThis.runTestFiles = async function runTestFiles(count) {
  for (let i = 0; i < count; i++) {
    await globalThis.runTestFile();
  }
  return filesRun;
};

/** Switches V8's compilation cache for the modules compiled from now on (the fix: off). */
globalThis.useCompilationCache = function useCompilationCache(on) {
  v8.setFlagsFromString(on ? '--compilation-cache' : '--no-compilation-cache');
  return Boolean(on);
};

// Stay alive until told to stop.
const timer = setInterval(() => {}, 1000);
process.on('SIGTERM', () => {
  clearInterval(timer);
  process.exit(0);
});
console.log(`vm test runner running (pid ${process.pid}); call runTestFile() to run one test file`);
