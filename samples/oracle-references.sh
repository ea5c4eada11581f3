#!/usr/bin/env bash
# Regenerates DevTools' reference answers for the committed sample snapshots: samples/snapshots/oracle/
#   NAME.nodes.tsv.gz    per node, file order: id, class_name, shallow_size, retained_size, distance, dominator_id
#   NAME.classes.tsv.gz  the Summary view (the oracle's classes.tsv as is)
#   NAME.summary.json    totals, statistics, problem reports (as is)
#   NAME.paths.json.gz   retainer paths of the 20 nodes with the largest retained size
#   pair.diff.tsv.gz     the Comparison view of pair-after compared with pair-before
#   pair-reversed.diff.tsv.gz        ... of pair-before compared with pair-after (keys only the base has)
#   cjs-fixed-to-leak.diff.tsv.gz    ... of cjs-hot-reload-leak compared with cjs-hot-reload-fixed, and
#   cjs-leak-to-fixed.diff.tsv.gz    the other way round: two processes, so ids match unrelated objects, but DevTools'
#                                    rules still give one answer (many keys of one name, ties in the sort)
#   reload.diff.tsv.gz               ... of reload-after compared with reload-before (one process, hot reloads)
# Usage: samples/oracle-references.sh     (from any directory; needs node >= 20, gzip and the oracle set up:
#        ../shared/oracle/setup.sh). HEAP_ORACLE overrides the path of oracle.mjs.
#
# Run it after samples/make-snapshots.sh: the references hold node ids, so they only fit the snapshots they were
# made from. Outputs go to a temporary directory first, so an interrupted run leaves no half-written file.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SNAPS="$HERE/snapshots"
OUT="$SNAPS/oracle"
ORACLE="${HEAP_ORACLE:-$HERE/../../shared/oracle/oracle.mjs}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

if [ ! -f "$ORACLE" ]; then
  echo "oracle-references.sh: no oracle at $ORACLE (set HEAP_ORACLE)" >&2
  exit 2
fi
mkdir -p "$OUT"
NODES_HEADER=$'ordinal\tid\ttype\tname\tclass_name\tself_size\tshallow_size\tretained_size'
NODES_HEADER+=$'\tretained_size_raw\tdistance\tdominator_id\tedge_count'

# DevTools holds the whole snapshot in one JS heap; the default old-space limit is too small for big files.
oracle() { node --max-old-space-size=16000 "$ORACLE" "$@" > /dev/null; }

for gz in "$SNAPS"/*.heapsnapshot.gz; do
  name="$(basename "$gz" .heapsnapshot.gz)"
  # The oracle reads plain JSON only.
  gunzip -c "$gz" > "$TMP/$name.heapsnapshot"
  oracle "$TMP/$name.heapsnapshot" --out "$TMP/$name" --top-paths 20
  # A changed oracle output format must not silently give wrong columns.
  if [ "$(head -n 1 "$TMP/$name/nodes.tsv")" != "$NODES_HEADER" ]; then
    echo "oracle-references.sh: unexpected nodes.tsv columns from the oracle for $name" >&2
    exit 1
  fi
  # Only the columns tests compare against: ordinal, type, raw name, self size and edge count are in the snapshot
  # itself, retained_size_raw is not DevTools' number; leaving them out keeps the committed files small. The text
  # escaping of class_name is kept as is.
  awk -F '\t' 'BEGIN { OFS = "\t" } { print $2, $5, $7, $8, $10, $11 }' "$TMP/$name/nodes.tsv" \
    | gzip -9 -n > "$TMP/$name.nodes.tsv.gz"
  gzip -9 -n -c "$TMP/$name/classes.tsv" > "$TMP/$name.classes.tsv.gz"
  gzip -9 -n -c "$TMP/$name/paths.json" > "$TMP/$name.paths.json.gz"
  cp "$TMP/$name/summary.json" "$TMP/$name.summary.json"
done

# "pair-after compared with pair-before", as DevTools' Comparison view shows it.
oracle "$TMP/pair-after.heapsnapshot" --diff "$TMP/pair-before.heapsnapshot" --out "$TMP/diff"
gzip -9 -n -c "$TMP/diff/diff.tsv" > "$TMP/pair.diff.tsv.gz"
# comparison TARGET BASE NAME: the Comparison view of TARGET compared with BASE, as NAME.diff.tsv.gz.
comparison() {
  oracle "$TMP/$1.heapsnapshot" --diff "$TMP/$2.heapsnapshot" --out "$TMP/diff-$3"
  gzip -9 -n -c "$TMP/diff-$3/diff.tsv" > "$TMP/$3.diff.tsv.gz"
}
comparison pair-before pair-after pair-reversed
comparison cjs-hot-reload-leak cjs-hot-reload-fixed cjs-fixed-to-leak
comparison cjs-hot-reload-fixed cjs-hot-reload-leak cjs-leak-to-fixed
comparison reload-after reload-before reload

mv "$TMP"/*.gz "$TMP"/*.summary.json "$OUT"/
du -cb "$OUT"/* | tail -n 1 | awk '{ printf "samples/snapshots/oracle: %d bytes\n", $1 }'
