#!/usr/bin/env node
'use strict';
// Writes a synthetic but structurally valid heap snapshot whose `strings` section alone is longer
// than V8's maximum string length (536,870,888 characters), the size at which DevTools fails with
// "Invalid string length": it reads the whole strings section as one JavaScript string.
//
//   node samples/generate-long-strings.js --chars 600000000 --out /tmp/long-strings.heapsnapshot
//
// The graph is small and Node-shaped: a synthetic root, "(GC roots)", and a `LogBuffer` object (a
// user root) holding N `string` nodes whose names are the long strings, about 100,000 characters
// each, with JSON escapes (\n, \t, \", \\, \u00e9, a surrogate pair) sprinkled in so the reader's
// escape handling runs over the whole section. Written in 8 MB chunks; needs little memory.

const fs = require('fs');
const path = require('path');
const { parseArgs } = require('util');

const { values: opts } = parseArgs({
  options: {
    chars: { type: 'string', default: '600000000' },
    out: { type: 'string', default: 'long-strings.heapsnapshot' },
  },
});
const totalChars = Number(opts.chars);
if (!(totalChars > 0)) throw new Error('--chars must be a positive number');
const outFile = path.resolve(opts.out);

const STRING_CHARS = 100000;
const count = Math.ceil(totalChars / STRING_CHARS);

// Fixed strings first: 0 "", 1 "(GC roots)", 2 "LogBuffer", 3 "entries"; long strings from 4.
const FIXED = ['', '(GC roots)', 'LogBuffer', 'entries'];
const NODE_FIELDS = ['type', 'name', 'id', 'self_size', 'edge_count', 'trace_node_id', 'detachedness'];
const NODE_TYPES = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native',
  'synthetic', 'concatenated string', 'sliced string', 'symbol', 'bigint', 'object shape'];
const EDGE_FIELDS = ['type', 'name_or_index', 'to_node'];
const EDGE_TYPES = ['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak'];
const T = Object.fromEntries(NODE_TYPES.map((t, i) => [t, i]));
const E = Object.fromEntries(EDGE_TYPES.map((t, i) => [t, i]));
const NF = NODE_FIELDS.length;

// Nodes: 0 root, 1 (GC roots), 2 LogBuffer, 3.. strings.
const nodes = [];
const edges = [];
const node = (type, name, id, size, edgeCount) => nodes.push([T[type], name, id, size, edgeCount, 0, 0]);
node('synthetic', 0, 1, 0, 2);
edges.push([E.element, 1, 1 * NF], [E.shortcut, 3, 2 * NF]);
node('synthetic', 1, 3, 0, 1);
edges.push([E.element, 1, 2 * NF]);
node('object', 2, 5, 32, count);
for (let i = 0; i < count; i++) {
  edges.push([E.element, i, (3 + i) * NF]);
  node('string', FIXED.length + i, 7 + 2 * i, 16 + STRING_CHARS, 0);
}

// One long string's JSON text: ASCII blocks of 1,000 decoded characters, each with one escape in the
// middle that decodes to one character (two for the surrogate pair), so every string decodes to
// exactly STRING_CHARS characters.
const ESCAPES = ['\\n', '\\t', '\\"', '\\\\', '\\u00e9', '\\ud83d\\ude00'];
function stringJson(i) {
  const filler = (n) => `line ${i} `.padEnd(n, 'x').slice(0, n);
  const parts = ['"'];
  let length = 0;
  let k = 0;
  while (length < STRING_CHARS) {
    const remaining = STRING_CHARS - length;
    if (remaining >= 1000) {
      const escape = ESCAPES[k++ % ESCAPES.length];
      const decoded = escape.startsWith('\\ud83d') ? 2 : 1;
      parts.push(filler(499), escape, filler(1000 - 499 - decoded));
      length += 1000;
    } else {
      parts.push(filler(remaining));
      length += remaining;
    }
  }
  parts.push('"');
  return parts.join('');
}

const fd = fs.openSync(outFile, 'w');
let pending = [];
let pendingBytes = 0;
function write(text) {
  pending.push(text);
  pendingBytes += text.length;
  if (pendingBytes > 8 * 2 ** 20) flush();
}
function flush() {
  fs.writeSync(fd, pending.join(''));
  pending = [];
  pendingBytes = 0;
}

const meta = {
  node_fields: NODE_FIELDS, node_types: [NODE_TYPES, 'string', 'number', 'number', 'number', 'number', 'number'],
  edge_fields: EDGE_FIELDS, edge_types: [EDGE_TYPES, 'string_or_number', 'node'],
  trace_function_info_fields: ['function_id', 'name', 'script_name', 'script_id', 'line', 'column'],
  trace_node_fields: ['id', 'function_info_index', 'count', 'size', 'children'],
  sample_fields: ['timestamp_us', 'last_assigned_id'],
  location_fields: ['object_index', 'script_id', 'line', 'column'],
};
write(`{"snapshot":{"meta":${JSON.stringify(meta)},"node_count":${nodes.length},"edge_count":${edges.length},`
  + `"trace_function_count":0},\n"nodes":[`);
write(nodes.map((n) => n.join(',')).join(',\n'));
write('],\n"edges":[');
write(edges.map((e) => e.join(',')).join(',\n'));
write('],\n"trace_function_infos":[],\n"trace_tree":[],\n"samples":[],\n"locations":[],\n"strings":[');
write(FIXED.map((s) => JSON.stringify(s)).join(',\n'));
let chars = FIXED.reduce((sum, s) => sum + s.length, 0);
for (let i = 0; i < count; i++) {
  write(',\n');
  write(stringJson(i));
  chars += STRING_CHARS;
}
write(']}\n');
flush();
fs.closeSync(fd);
console.log(`${outFile}: ${nodes.length} nodes, ${count + FIXED.length} strings, ${chars} characters in strings `
  + `(V8's limit: 536870888), ${fs.statSync(outFile).size} bytes`);
