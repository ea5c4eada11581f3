// Jest-style ESM leak. Run with: node --experimental-vm-modules vm-modules-leak.mjs [out]
//
// Jest runs every test file's ES modules as vm.SourceTextModule objects inside a fresh
// vm.createContext() sandbox. If something outside keeps a reference to a module (here: an array,
// as a cache or a registry would), the module keeps its whole context alive: its own global
// object, a full set of builtins (Object, Array, ...), and everything the module allocated.
import vm from 'node:vm';
import snap from './snap.js';

const kept = []; // the "registry" that never forgets

for (let i = 0; i < 10; i++) {
  const context = vm.createContext({ testIndex: i });
  // Each "test file" imports a helper module; both live in the same sandbox.
  const helper = new vm.SourceTextModule(
    'export class TestFixture { constructor(n) { this.rows = Array.from({ length: n }, (_, k) => ({ k })); } }',
    { context, identifier: `helper-${i}.mjs` },
  );
  const test = new vm.SourceTextModule(
    `import { TestFixture } from 'helper';
     export const fixture = new TestFixture(1000);
     export const title = 'test file ' + testIndex;`,
    { context, identifier: `test-${i}.mjs` },
  );
  await test.link((specifier) => {
    if (specifier === 'helper') return helper;
    throw new Error(`cannot resolve ${specifier}`);
  });
  await test.evaluate();
  kept.push(test);
}

console.log(`modules kept: ${kept.length}`);
snap.write(snap.outPath('vm-modules-leak'));
