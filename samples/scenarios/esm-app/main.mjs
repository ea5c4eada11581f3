// Entry point of a small ES-module app (main -> store -> config, main -> config): writes a
// snapshot so that the ESM import graph (module records, namespaces, environments) can be
// inspected. Usage: node esm-app/main.mjs [out]
import { createRequire } from 'node:module';
import { AppConfig, config } from './config.mjs';
import { put, size, storeConfig } from './store.mjs';

const snap = createRequire(import.meta.url)('../snap.js');

const app = new AppConfig({ name: 'main' });
for (let i = 0; i < 500; i++) put(`key-${i}`, { n: i, owner: app.name });
console.log(`${config.name}: ${size()} entries, store=${storeConfig.name}`);
snap.write(snap.outPath('esm-app'));
