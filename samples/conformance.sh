#!/usr/bin/env bash
# Checks heapscope's numbers against Chrome DevTools' own for one snapshot: every node's shallow size, retained
# size, distance and dominator, and every Summary row.
# Usage: samples/conformance.sh FILE [--keep DIR]
#   FILE        a .heapsnapshot, plain or gzip-compressed
#   --keep DIR  keep the oracle's output (DIR/oracle/) and heapscope's export (DIR/heapscope.*.tsv) in DIR
# Exit: 0 all equal, 1 something differs, 2 bad usage or an error in either tool.
# Needs node >= 20, python3 and the oracle (../shared/oracle/setup.sh); HEAP_ORACLE overrides the path of
# oracle.mjs, HEAPSCOPE the heapscope command (default: ./heapscope of this checkout).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ORACLE="${HEAP_ORACLE:-$HERE/../../shared/oracle/oracle.mjs}"
HEAPSCOPE="${HEAPSCOPE:-$HERE/../heapscope}"

usage() {
  echo "usage: samples/conformance.sh FILE [--keep DIR]" >&2
  exit 2
}
fail() {
  echo "conformance: $*" >&2
  exit 2
}

file=""
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) [ $# -ge 2 ] || usage; keep="$2"; shift 2 ;;
    -*) usage ;;
    *) [ -z "$file" ] || usage; file="$1"; shift ;;
  esac
done
[ -n "$file" ] || usage
[ -f "$file" ] || fail "no such file: $file"
[ -f "$ORACLE" ] || fail "no oracle at $ORACLE (set HEAP_ORACLE)"

if [ -n "$keep" ]; then
  mkdir -p "$keep"
  work="$(cd "$keep" && pwd)"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi

# The oracle reads plain JSON only; recognise gzip by its magic bytes, as heapscope does, not by the name.
snapshot="$file"
if [ "$(head -c 2 "$file" | od -An -tx1 | tr -d ' \n')" = "1f8b" ]; then
  snapshot="$work/snapshot.heapsnapshot"
  gunzip -c "$file" > "$snapshot" || fail "cannot decompress $file"
fi

echo "oracle: DevTools' numbers for $file" >&2
# DevTools holds the whole snapshot in one JS heap; the default old-space limit is too small for big files.
node --max-old-space-size=16000 "$ORACLE" "$snapshot" --out "$work/oracle" --top-paths 0 > /dev/null \
  || fail "the oracle failed on $file"
[ "$snapshot" = "$file" ] || rm -f "$snapshot"

echo "heapscope: export $file" >&2
"$HEAPSCOPE" export "$file" --nodes "$work/heapscope.nodes.tsv" --classes "$work/heapscope.classes.tsv" \
  || fail "heapscope export failed on $file"

# Its exit code is ours: 0 equal, 1 differences, 2 unreadable output.
python3 "$HERE/conformance_compare.py" "$work/oracle/nodes.tsv" "$work/oracle/classes.tsv" \
  "$work/heapscope.nodes.tsv" "$work/heapscope.classes.tsv"
