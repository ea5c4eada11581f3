#!/usr/bin/env node
'use strict';
// Scalable heap snapshot generator: builds a realistic object population inside this process's
// own heap, sized so that the written snapshot is about N MB, then writes it.
//
//   node samples/generate-big.js --size-mb 300 --out /tmp/big300.heapsnapshot [--seed 42]
//
// The population is made of "tenants" (one tenant = one unit of population): users, sessions,
// orders, caches, event handlers ... spread over ~40 named classes, with object cycles, Maps,
// Sets, WeakMaps, closures with contexts, strings of every representation (flat, sliced, cons,
// two-byte / emoji), typed arrays, and one global doubly linked list of Session objects
// (Session.next / Session.prev) that gets 90 entries per tenant (> 200k entries from ~230 MB up).
//
// Sizing (calibration, not "grow and re-measure"): snapshot size is very close to linear in the
// number of tenants. So we write a baseline snapshot of the empty heap (~4 MB), build a small
// calibration batch of tenants, write a second throw-away snapshot, and take
// bytes-per-tenant = (size2 - size1) / batch. Then we build the remaining tenants and write the
// real snapshot once. Numbers in the file get longer as ids/indices grow (more digits), so
// bytes-per-tenant rises slightly with size; the calibration batch is ~5% of the target and a
// small growth allowance (DIGIT_GROWTH) corrects for the rest. The reached size is printed.
//
// Memory: the JS heap needed is roughly the snapshot size, and V8 also needs native memory for
// the snapshot graph while writing. If the current heap limit is too small, the script re-executes
// itself with a larger --max-old-space-size (and --expose-gc).

const fs = require('fs');
const os = require('os');
const path = require('path');
const v8 = require('v8');
const { parseArgs } = require('util');
const { spawnSync } = require('child_process');

const { values: opts } = parseArgs({
  options: {
    'size-mb': { type: 'string', default: '50' },
    out: { type: 'string', default: 'big.heapsnapshot' },
    seed: { type: 'string', default: '42' },
  },
});
const targetMb = Number(opts['size-mb']);
const outFile = path.resolve(opts.out);
if (!(targetMb > 0)) throw new Error('--size-mb must be a positive number');

// ---------------------------------------------------------------------------------------------
// Re-exec with a big enough heap. 3x the target leaves room for the calibration snapshots and
// for GC headroom; the 16 GB cap only matters for targets > 5 GB.
const wantHeapMb = Math.min(16384, Math.max(2048, Math.ceil(targetMb * 3)));
const haveHeapMb = v8.getHeapStatistics().heap_size_limit / 2 ** 20;
if (haveHeapMb < wantHeapMb || typeof global.gc !== 'function') {
  if (process.env.GENERATE_BIG_CHILD) throw new Error('re-exec did not give the expected heap');
  const r = spawnSync(
    process.execPath,
    [`--max-old-space-size=${wantHeapMb}`, '--expose-gc', __filename, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, GENERATE_BIG_CHILD: '1' } },
  );
  process.exit(r.status === null ? 1 : r.status);
}

// ---------------------------------------------------------------------------------------------
// Deterministic pseudo-random numbers (mulberry32), so two runs build the same population.
let seed = Number(opts.seed) >>> 0;
function rand() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const randInt = (n) => Math.floor(rand() * n);
const pick = (arr) => arr[randInt(arr.length)];

// ---------------------------------------------------------------------------------------------
// Domain model: many small named classes, so the Summary view has dozens of constructor rows.
class Tenant {
  constructor(id, name) {
    this.id = id;
    this.name = name;
    this.users = new Map(); // id -> User
    this.roles = new Set();
    this.orders = [];
    this.bus = new EventBus();
    this.cache = new LruCache();
    this.settings = new TenantSettings();
  }
}
class TenantSettings {
  constructor() {
    this.locale = pick(['en-US', 'de-DE', 'ja-JP', 'fr-FR']);
    this.features = new Set(['search', 'export', 'beta-ui'].filter(() => rand() < 0.7));
    this.limits = { maxUsers: 1000, maxOrders: 100000 }; // plain object {maxUsers, maxOrders}
  }
}
class User {
  constructor(tenant, id, name, email) {
    this.tenant = tenant; // cycle: tenant.users -> user -> tenant
    this.id = id;
    this.name = name;
    this.email = email;
    this.address = new Address();
    this.profile = new Profile(this);
    this.roles = new Set();
    this.sessions = [];
    this.preferences = new Preferences();
    this.metrics = new Float64Array(8); // small: backing store on the V8 heap
  }
}
class Profile {
  constructor(user) {
    this.owner = user; // cycle: user <-> profile
    this.bio = null;
    this.avatar = new Avatar();
  }
}
class Avatar {
  constructor() {
    this.width = 64;
    this.pixels = new Uint8Array(48);
  }
}
class Address {
  constructor() {
    this.street = pick(STREETS);
    this.city = pick(CITIES);
    this.geo = new GeoPoint(rand() * 180 - 90, rand() * 360 - 180); // doubles -> (number) nodes
  }
}
class GeoPoint {
  constructor(lat, lon) {
    this.lat = lat;
    this.lon = lon;
  }
}
class Preferences {
  constructor() {
    this.theme = pick(['dark', 'light']);
    this.notifications = new NotificationSettings();
  }
}
class NotificationSettings {
  constructor() {
    this.email = rand() < 0.5;
    this.channels = ['mail', 'push'];
  }
}
class Role {
  constructor(name) {
    this.name = name;
    this.permissions = new Set();
  }
}
class Permission {
  constructor(resource, action) {
    this.resource = resource;
    this.action = action;
  }
}
class Session {
  constructor(id, user) {
    this.id = id;
    this.user = user;
    this.prev = null; // global doubly linked list of all sessions
    this.next = null;
    this.token = null;
  }
}
class AuthToken {
  constructor(value) {
    this.value = value;
    this.scopes = ['read'];
  }
}
class Product {
  constructor(sku, title, price) {
    this.sku = sku;
    this.title = title;
    this.price = price;
    this.category = null;
  }
}
class Category {
  constructor(name) {
    this.name = name;
    this.products = [];
  }
}
class Order {
  constructor(id, user) {
    this.id = id;
    this.user = user;
    this.lines = [];
    this.invoice = null;
    this.status = pick(ORDER_STATUS);
  }
}
class OrderLine {
  constructor(order, product, qty) {
    this.order = order; // cycle: order.lines -> line -> order
    this.product = product;
    this.qty = qty;
  }
}
class Invoice {
  constructor(order) {
    this.order = order; // cycle: order <-> invoice
    this.total = order.lines.reduce((s, l) => s + l.qty * l.product.price, 0.5);
    this.payment = new Payment(this.total);
  }
}
class Payment {
  constructor(amount) {
    this.amount = amount;
    this.method = pick(['card', 'sepa', 'paypal']);
    this.receipt = new Receipt();
  }
}
class Receipt {
  constructor() {
    this.number = `R-${randInt(1e9)}`;
  }
}
class EventBus {
  constructor() {
    this.handlers = new Map(); // event name -> [closures]
  }
  on(event, fn) {
    if (!this.handlers.has(event)) this.handlers.set(event, []);
    this.handlers.get(event).push(fn);
  }
}
class LruCache {
  constructor() {
    this.entries = new Map(); // key string -> CacheEntry
    this.head = null;
  }
}
class CacheEntry {
  constructor(key, value) {
    this.key = key;
    this.value = value;
    this.hits = 0;
    this.expires = new Date(1700000000000 + randInt(1e9));
  }
}
class AuditEvent {
  constructor(user, action, detail) {
    this.user = user;
    this.action = action;
    this.detail = detail;
  }
}
class AuditLog {
  constructor() {
    this.events = [];
  }
}
class MetricSeries {
  constructor(name) {
    this.name = name;
    this.samples = new Float64Array(256); // 2 KB: off-heap backing store
    this.labels = new Map([['tenant', name]]);
  }
}
class Route {
  constructor(method, pattern) {
    this.method = method;
    this.pattern = pattern;
    this.regex = new RegExp(`^${pattern.replace(/:\w+/g, '([^/]+)')}$`);
  }
}
class Job {
  constructor(id, task) {
    this.id = id;
    this.task = task;
    this.attempts = 0;
  }
}
class Task {
  constructor(name, run) {
    this.name = name;
    this.run = run; // closure
  }
}
class JobQueue {
  constructor() {
    this.pending = [];
    this.byId = new Map();
  }
}
class Document {
  constructor(title, body) {
    this.title = title;
    this.body = body;
    this.excerpt = null;
    this.tags = new Set();
  }
}
class Comment {
  constructor(doc, author, text) {
    this.doc = doc;
    this.author = author;
    this.text = text;
  }
}
class Attachment {
  constructor(name, size) {
    this.name = name;
    this.data = new Uint8Array(size);
    this.view = new DataView(this.data.buffer);
  }
}
class Notification {
  constructor(user, message) {
    this.user = user;
    this.message = message;
    this.read = false;
  }
}
class Subscription {
  constructor(user, plan) {
    this.user = user;
    this.plan = plan;
    this.renewsAt = new Date(1700000000000);
  }
}
class Plan {
  constructor(name, price) {
    this.name = name;
    this.price = price;
  }
}
class FeatureFlag {
  constructor(name) {
    this.name = name;
    this.enabled = rand() < 0.5;
  }
}
class Connection {
  constructor(id) {
    this.id = id;
    this.buffer = new Uint16Array(new ArrayBuffer(64), 8, 16); // view into part of a buffer
    this.peer = null;
  }
}
class Metadata {
  constructor(note) {
    this.note = note;
    this.seen = 1;
  }
}

// ---------------------------------------------------------------------------------------------
// String material. Two-byte texts (accents, CJK, Cyrillic, Arabic, emoji) make V8 store
// two-byte strings; the long "paragraphs" are parents for sliced strings.
const CITIES = ['Berlin', 'Zürich', 'Kraków', 'São Paulo', '東京', 'Москва', 'القاهرة', 'Reykjavík'];
const STREETS = ['Main St', 'Hauptstraße', 'Rue de la Paix', 'Nowy Świat', '銀座通り'];
const FIRST = ['Zoë', 'Ana', 'Björn', 'Chloé', 'Dmitri', 'Émile', 'Føy', 'Hiro', 'Ines', 'Jürgen', '李', 'Олег'];
const LAST = ['Müller', 'García', 'Nguyễn', 'Smith', 'Østergaard', 'Kowalski', '山田', 'Иванов'];
const EMOJI = ['🚀', '🎉', '😀', '🔥', '✨', '🧪', '📦', '🛒'];
const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'heap', 'snapshot', 'retained', 'dominator', 'edge', 'node'];
const ORDER_STATUS = ['new', 'paid', 'shipped', 'cancelled'];
const ROUTES = ['/users/:id', '/orders/:id/lines', '/products/:sku', '/tenants/:t/settings'];

// A flat (sequential) string: Array#join always produces one, unlike `+`, which makes cons
// strings once the result is >= 13 characters.
function flatText(words) {
  return words.join(' ');
}
function paragraph(n) {
  const words = [];
  for (let i = 0; i < n; i++) words.push(pick(WORDS));
  if (rand() < 0.3) words.push(pick(EMOJI)); // some parents are two-byte
  return flatText(words);
}

// ---------------------------------------------------------------------------------------------
// Shared, global structures (reachable from globalThis.world).
const world = {
  tenants: [],
  catalog: [], // Products shared by all tenants' order lines
  categories: new Map(),
  routes: ROUTES.map((r, i) => new Route(i % 2 ? 'GET' : 'POST', r)),
  plans: [new Plan('free', 0), new Plan('pro', 9.99), new Plan('enterprise', 99.5)],
  flags: ['search-v2', 'dark-mode', 'new-checkout'].map((n) => new FeatureFlag(n)),
  userMeta: new WeakMap(), // User -> Metadata (key kept alive by the tenant, so entries survive)
  sessionsHead: null,
  sessionsTail: null,
  sessionCount: 0,
  jobs: new JobQueue(),
  audit: new AuditLog(),
  symbols: { [Symbol('world')]: true, big: 12345678901234567890n },
};
globalThis.world = world;

for (let i = 0; i < 20; i++) world.categories.set(`cat-${i}`, new Category(`Category ${pick(EMOJI)} ${i}`));
for (let i = 0; i < 2000; i++) {
  const p = new Product(`SKU-${i}`, flatText([pick(WORDS), pick(WORDS), String(i)]), 1 + randInt(500) / 7);
  p.category = world.categories.get(`cat-${i % 20}`);
  p.category.products.push(p);
  world.catalog.push(p);
}

function appendSession(s) {
  if (world.sessionsTail) {
    world.sessionsTail.next = s;
    s.prev = world.sessionsTail;
  } else {
    world.sessionsHead = s;
  }
  world.sessionsTail = s;
  world.sessionCount++;
}

// Closure factory: each handler has its own context holding `user`, `counter` and `label`.
function makeHandler(user, label) {
  let counter = 0;
  return function onUserEvent(evt) {
    counter++;
    return `${label}:${user.id}:${evt}:${counter}`;
  };
}

let nextId = 1;

// One unit of population. Keeps its objects reachable from world.tenants.
function buildTenant(t) {
  const tenantName = `${pick(CITIES)} ${pick(EMOJI)} tenant ${t}`; // two-byte, cons
  const tenant = new Tenant(t, tenantName);
  world.tenants.push(tenant);

  const roles = ['admin', 'editor', 'viewer'].map((n) => {
    const r = new Role(`${n}@${t}`);
    r.permissions.add(new Permission('orders', n === 'viewer' ? 'read' : 'write'));
    tenant.roles.add(r);
    return r;
  });

  const metrics = new MetricSeries(`tenant-${t}`);
  tenant.metrics = metrics;
  const parent = paragraph(60); // ~400 chars, flat: parent of the sliced strings below
  tenant.docs = [];

  for (let u = 0; u < 15; u++) {
    const id = nextId++;
    const first = pick(FIRST);
    const last = pick(LAST);
    const name = flatText([first, last]); // flat; two-byte if a name has non-Latin1 chars
    // Cons (rope) strings: `+` of long parts stays a ConsString until something flattens it.
    const email = `${first.toLowerCase()}.${last.toLowerCase()}.${id}` + '@example-tenant-' + t + '.com';
    const user = new User(tenant, id, name, email);
    user.roles.add(pick(roles));
    user.displayLine = user.name + ' <' + user.email + '> from ' + user.address.city;
    user.profile.bio = parent.substring(randInt(200), 200 + randInt(150)); // sliced string
    tenant.users.set(id, user);
    world.userMeta.set(user, new Metadata(`meta ${id}`));

    // Sessions: six per user, all on the global doubly linked list.
    for (let s = 0; s < 6; s++) {
      const session = new Session(nextId++, user);
      if (s === 0) session.token = new AuthToken(`tok-${id}-${randInt(1e9).toString(36)}`);
      user.sessions.push(session);
      appendSession(session);
    }

    // Closures registered on the tenant's bus (never removed: a listener-style retainer).
    tenant.bus.on(u % 2 ? 'login' : 'logout', makeHandler(user, `h${u}`));

    // Orders with lines pointing into the shared catalog; invoices close order cycles.
    if (u % 3 === 0) {
      const order = new Order(nextId++, user);
      for (let l = 0; l < 3; l++) order.lines.push(new OrderLine(order, pick(world.catalog), 1 + randInt(5)));
      order.invoice = new Invoice(order);
      tenant.orders.push(order);
    }

    // Cache entries keyed by flat strings, values are plain objects of two shapes.
    const key = `user:${id}`;
    const value = u % 2 ? { id, name, score: rand() } : { id, email, active: true, tags: ['x'] };
    tenant.cache.entries.set(key, new CacheEntry(key, value));

    if (u % 4 === 0) {
      tenant.notifications = tenant.notifications || [];
      tenant.notifications.push(new Notification(user, `${pick(EMOJI)} Welcome, ${name}!`));
    }
    if (u % 5 === 0) user.subscription = new Subscription(user, pick(world.plans));
    if (u % 7 === 0) world.audit.events.push(new AuditEvent(user, 'login', { ip: `10.0.${t % 256}.${u}` }));
  }

  // Documents with sliced excerpts of the shared paragraph and cons-string comments.
  for (let d = 0; d < 3; d++) {
    const doc = new Document(`Doc ${t}-${d}`, parent);
    doc.excerpt = parent.substring(d * 40, d * 40 + 60); // sliced
    doc.tags.add(pick(WORDS));
    const author = tenant.users.values().next().value;
    doc.comments = [new Comment(doc, author, 'Looks good to me, ' + author.name + '! ' + pick(EMOJI) + ' ' + parent.slice(0, 20))];
    if (d === 0) doc.attachment = new Attachment(`file-${t}.bin`, 128 + randInt(512));
    tenant.docs.push(doc);
  }

  // A background job whose task is a closure over the tenant.
  const job = new Job(nextId++, new Task(`reindex-${t}`, () => tenant.docs.length));
  world.jobs.pending.push(job);
  world.jobs.byId.set(job.id, job);

  // Two connections pointing at each other (a 2-cycle).
  const a = new Connection(nextId++);
  const b = new Connection(nextId++);
  a.peer = b;
  b.peer = a;
  tenant.connections = [a, b];
}

// ---------------------------------------------------------------------------------------------
function snapshotSize(file) {
  global.gc();
  v8.writeHeapSnapshot(file);
  return fs.statSync(file).size;
}

const MB = 2 ** 20;
const DIGIT_GROWTH = 1.04; // see header: numbers get ~1 digit longer between calibration and target
const started = Date.now();
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

const tmp = path.join(os.tmpdir(), `generate-big-${process.pid}.heapsnapshot`);
const base = snapshotSize(tmp);
// Calibration batch: ~5% of the target, at least 100 tenants (a tenant is ~90 KB of snapshot).
const calib = Math.max(100, Math.round((targetMb * MB * 0.05) / 90e3));
for (let t = 0; t < calib; t++) buildTenant(t);
const withCalib = snapshotSize(tmp);
fs.unlinkSync(tmp);
const perTenant = ((withCalib - base) / calib) * DIGIT_GROWTH;
const total = Math.max(calib, Math.round((targetMb * MB - base) / perTenant));
log(`baseline ${(base / MB).toFixed(1)} MB, ${calib} tenants -> ${(withCalib / MB).toFixed(1)} MB; ` +
    `${Math.round(perTenant)} bytes/tenant; building ${total} tenants`);

for (let t = calib; t < total; t++) buildTenant(t);
log(`built ${total} tenants, ${world.sessionCount} sessions in the linked list; ` +
    `heap used ${(process.memoryUsage().heapUsed / MB).toFixed(0)} MB; writing ${outFile}`);

const size = snapshotSize(outFile);
log(`wrote ${outFile}: ${(size / MB).toFixed(1)} MB (target ${targetMb} MB)`);
