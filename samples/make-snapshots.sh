#!/usr/bin/env bash
# Regenerates the committed sample snapshots: samples/snapshots/NAME.heapsnapshot.gz
# Usage: samples/make-snapshots.sh        (from any directory; needs node >= 20 and gzip)
#
# Snapshots are written to a temporary directory first and only then compressed into place, so
# an interrupted run never leaves a half-written .gz behind. gzip -n leaves out the file name and
# time stamp, so the .gz only changes when the snapshot itself changes.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SCEN="$HERE/scenarios"
OUT="$HERE/snapshots"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"

# --expose-gc: the scenarios call global.gc() before writing, so only retained objects remain.
run() { node --expose-gc "$@" > /dev/null; }

run "$SCEN/tiny.js" "$TMP/tiny.heapsnapshot"
run "$SCEN/cjs-hot-reload-leak.js" "$TMP/cjs-hot-reload-leak.heapsnapshot"
run "$SCEN/cjs-hot-reload-fixed.js" "$TMP/cjs-hot-reload-fixed.heapsnapshot"
run "$SCEN/cjs-hot-reload-transient.js" "$TMP/cjs-hot-reload-transient.heapsnapshot"
run --experimental-vm-modules --no-warnings "$SCEN/vm-modules-leak.mjs" "$TMP/vm-modules-leak.heapsnapshot"
run "$SCEN/trace-alloc.js" "$TMP/trace-alloc.heapsnapshot"
run "$SCEN/pair-before-after.js" "$TMP/pair-before.heapsnapshot" "$TMP/pair-after.heapsnapshot"
run "$SCEN/cjs-reload-pair.js" "$TMP/reload-before.heapsnapshot" "$TMP/reload-after.heapsnapshot"
run "$SCEN/listeners-leak.js" "$TMP/listeners-leak.heapsnapshot"
run "$SCEN/global-array-leak.js" "$TMP/global-array-leak.heapsnapshot"
run "$SCEN/inspector-snapshot.js" "$TMP/inspector-snapshot.heapsnapshot"
run "$SCEN/esm-app/main.mjs" "$TMP/esm-app.heapsnapshot"

for f in "$TMP"/*.heapsnapshot; do
  name="$(basename "$f")"
  gzip -9 -n -c "$f" > "$OUT/$name.gz"
  printf '%-40s %10d -> %9d bytes\n' "$name.gz" "$(stat -c %s "$f")" "$(stat -c %s "$OUT/$name.gz")"
done
node --version > "$OUT/node-version.txt"
