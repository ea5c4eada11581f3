// Middle module: imports config.mjs and keeps module-level state (a Map), so the snapshot shows
// a module namespace/environment retaining application data.
import { AppConfig } from './config.mjs';

class StoreEntry {
  constructor(key, value) {
    this.key = key;
    this.value = value;
  }
}

const entries = new Map();

export function put(key, value) {
  entries.set(key, new StoreEntry(key, value));
}

export function size() {
  return entries.size;
}

export const storeConfig = new AppConfig({ name: 'store' });
