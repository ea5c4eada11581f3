#!/usr/bin/env bash
# heapscope beside Chrome DevTools on one snapshot, each cold in its own process: the whole time from start to the
# printed Summary, and the peak resident memory. DevTools' figures are its own (the oracle runs DevTools' heap worker
# and reports parse, init and aggregates); its process also writes the oracle's outputs, which are not counted.
# Usage: samples/benchmark.sh FILE [--runs N]   (default 3 runs each; the median is printed)
# Needs node >= 20, python3, GNU time (/usr/bin/time) and the oracle (../shared/oracle/setup.sh); HEAP_ORACLE and
# HEAPSCOPE override the paths as in conformance.sh. Run it on an otherwise idle machine.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ORACLE="${HEAP_ORACLE:-$HERE/../../shared/oracle/oracle.mjs}"
HEAPSCOPE="${HEAPSCOPE:-$HERE/../heapscope}"

usage() {
  echo "usage: samples/benchmark.sh FILE [--runs N]" >&2
  exit 2
}
file=""
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) [ $# -ge 2 ] || usage; runs="$2"; shift 2 ;;
    -*) usage ;;
    *) [ -z "$file" ] || usage; file="$1"; shift ;;
  esac
done
[ -n "$file" ] && [ -f "$file" ] || usage
[ -x /usr/bin/time ] || { echo "benchmark: GNU time (/usr/bin/time) is needed" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$HEAPSCOPE" --version >/dev/null   # builds the jar first, outside the timings

for run in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o "$work/heapscope.$run" "$HEAPSCOPE" summary --top 1 "$file" >/dev/null
  /usr/bin/time -f "%e %M" -o "$work/devtools.$run" node --max-old-space-size=16000 "$ORACLE" "$file" \
      --out "$work/oracle.$run" --no-nodes >/dev/null 2>"$work/oracle.$run.err" \
      || { echo "benchmark: the oracle failed: $(tail -1 "$work/oracle.$run.err")" >&2; }
done

python3 - "$file" "$work" "$runs" <<'PY'
import json, os, statistics, sys
file, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
size = os.path.getsize(file)
def runs_of(tool):
    out = []
    for r in range(1, runs + 1):
        with open(f"{work}/{tool}.{r}") as f:
            wall, kb = f.read().split()[-2:]
        out.append((float(wall), int(kb) * 1024))
    return out
def row(name, measured, extra=""):
    wall = statistics.median(w for w, _ in measured)
    rss = statistics.median(m for _, m in measured)
    print(f"| {name} | {wall:.1f} s | {rss / 1e9:.2f} GB ({rss / size:.1f}x the file) | {extra} |")
    return wall
print(f"{os.path.basename(file)}: {size / 1e6:.0f} MB, median of {runs} cold runs\n")
print("| tool | whole run | peak RSS | notes |")
print("| --- | --- | --- | --- |")
ours = row("heapscope summary", runs_of("heapscope"))
timings = []
for r in range(1, runs + 1):
    try:
        with open(f"{work}/oracle.{r}/summary.json") as f:
            timings.append(json.load(f)["timings_ms"])
    except (OSError, KeyError, ValueError):
        pass
if timings:
    t = {k: statistics.median(x[k] for x in timings) for k in ("parse", "init", "aggregates")}
    load = sum(t.values()) / 1000
    row("DevTools (oracle)", runs_of("devtools"),
        f"own timings: parse {t['parse'] / 1000:.1f} s, init {t['init'] / 1000:.1f} s, "
        f"aggregates {t['aggregates'] / 1000:.1f} s = {load:.1f} s; heapscope takes 1/{load / ours:.1f} of that")
else:
    print("| DevTools (oracle) | failed | | see the oracle's error above |")
PY
