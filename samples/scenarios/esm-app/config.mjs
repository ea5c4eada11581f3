// Leaf module of the esm-app import graph: exports plain data and a class.
export const config = { name: 'esm-app', retries: 3, endpoints: ['/a', '/b', '/c'] };

export class AppConfig {
  constructor(overrides = {}) {
    Object.assign(this, config, overrides);
  }
}
