#!/usr/bin/env python3
"""Compares heapscope's `export` output with the DevTools oracle's, for samples/conformance.sh.

Usage: conformance_compare.py ORACLE_NODES ORACLE_CLASSES HEAPSCOPE_NODES HEAPSCOPE_CLASSES
Exit: 0 when every node and every Summary row is equal, 1 when something differs, 2 on unreadable input.

Columns are found by header name, so either side may add columns. Nodes are matched by id. Both sides write file
order, so the files are streamed in lockstep and only rows whose ids disagree at the same position are held back
for matching by id: a 12M-node snapshot does not need two 12M-entry dicts. Summary rows are compared as multisets of
whole rows, because DevTools keys classes by constructor location too and several rows may share a name.
"""
import collections
import sys

NODE_COLUMNS = ["shallow_size", "retained_size", "distance", "dominator_id"]
CLASS_COLUMNS = ["count", "shallow_size_sum", "retained_size_sum", "min_distance"]
# The oracle cuts class names in classes.tsv at 300 UTF-16 units plus an ellipsis (JS `s.slice(0, 300)`).
CLASS_NAME_LIMIT = 300
SHOWN = 20


class InputError(Exception):
    pass


def unescape(field):
    """Reverses the escaping of backslash, TAB, LF and CR that both sides use in TSV text fields."""
    if "\\" not in field:
        return field
    out = []
    i = 0
    while i < len(field):
        c = field[i]
        if c == "\\" and i + 1 < len(field):
            nxt = field[i + 1]
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(nxt, "\\" + nxt))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def cut_like_oracle(name):
    units = name.encode("utf-16-le", "surrogatepass")
    if len(units) <= 2 * CLASS_NAME_LIMIT:
        return name
    # A surrogate pair cut in half is written by node as U+FFFD; errors="replace" gives the same.
    return units[: 2 * CLASS_NAME_LIMIT].decode("utf-16-le", "replace") + "…"


class Table:
    """A TSV file with a header row, read row by row; values by column name."""

    def __init__(self, path, required):
        self.path = path
        try:
            self.file = open(path, encoding="utf-8", newline="\n")
        except OSError as e:
            raise InputError(f"{path}: {e.strerror}")
        header = self.file.readline().rstrip("\n").split("\t")
        missing = [c for c in required if c not in header]
        if missing:
            raise InputError(f"{path}: no column {', '.join(missing)} (header: {' '.join(header)})")
        self.width = len(header)
        self.index = {name: header.index(name) for name in required}
        self.line = 1

    def rows(self):
        for line in self.file:
            self.line += 1
            fields = line.rstrip("\n").split("\t")
            if len(fields) != self.width:
                raise InputError(f"{self.path}:{self.line}: {len(fields)} fields, header has {self.width}")
            yield fields

    def get(self, fields, column):
        return fields[self.index[column]]

    def integer(self, fields, column):
        value = fields[self.index[column]]
        try:
            return int(value)
        except ValueError:
            raise InputError(f"{self.path}:{self.line}: {column} is not an integer: {value!r}")


def compare_nodes(oracle_path, heapscope_path, report):
    oracle = Table(oracle_path, ["id", "class_name"] + NODE_COLUMNS)
    ours = Table(heapscope_path, ["id"] + NODE_COLUMNS)

    def values(table, fields):
        return tuple(table.integer(fields, c) for c in NODE_COLUMNS)

    mismatches = collections.Counter()
    shown = []
    compared = 0
    # id -> values, for rows whose ids disagree at the same position (out of order, missing or extra).
    pending_oracle = {}
    pending_ours = {}
    oracle_rows = oracle.rows()
    our_rows = ours.rows()
    counts = [0, 0]
    # Rows compared at another position than the oracle's: informative only, since nodes are matched by id.
    moved = 0

    def check(node_id, name, expected, actual):
        nonlocal compared
        compared += 1
        differing = [c for c, e, a in zip(NODE_COLUMNS, expected, actual) if e != a]
        for column in differing:
            mismatches[column] += 1
        if differing and len(shown) < SHOWN:
            shown.append(f"  node @{node_id} {unescape(name)!r}: " + ", ".join(
                f"{c} {e} (oracle) != {a} (heapscope)"
                for c, e, a in zip(NODE_COLUMNS, expected, actual) if e != a))

    while True:
        o = next(oracle_rows, None)
        h = next(our_rows, None)
        if o is None and h is None:
            break
        if o is not None:
            counts[0] += 1
        if h is not None:
            counts[1] += 1
        if o is not None and h is not None and oracle.get(o, "id") == ours.get(h, "id"):
            check(oracle.get(o, "id"), oracle.get(o, "class_name"), values(oracle, o), values(ours, h))
            continue
        # Out of step (a row missing, extra or moved on one side): match through the rows held back so far, so
        # that one missing row costs one held entry, not the rest of the file.
        if o is not None:
            key = oracle.integer(o, "id")
            if key in pending_ours:
                moved += 1
                check(key, oracle.get(o, "class_name"), values(oracle, o), pending_ours.pop(key))
            elif key in pending_oracle:
                mismatches["duplicate id (oracle)"] += 1
            else:
                pending_oracle[key] = (oracle.get(o, "class_name"), values(oracle, o))
        if h is not None:
            key = ours.integer(h, "id")
            if key in pending_oracle:
                moved += 1
                name, expected = pending_oracle.pop(key)
                check(key, name, expected, values(ours, h))
            elif key in pending_ours:
                mismatches["duplicate id (heapscope)"] += 1
            else:
                pending_ours[key] = values(ours, h)

    for node_id, (name, expected) in pending_oracle.items():
        mismatches["missing (only in oracle)"] += 1
        if len(shown) < SHOWN:
            shown.append(f"  node @{node_id} {unescape(name)!r}: missing in heapscope's export")
    for node_id in pending_ours:
        mismatches["extra (only in heapscope)"] += 1
        if len(shown) < SHOWN:
            shown.append(f"  node @{node_id}: only in heapscope's export")

    report.append(f"nodes: {counts[0]} in the oracle, {counts[1]} in heapscope's export, {compared} compared")
    for column in NODE_COLUMNS:
        report.append(f"  {column:<28} {mismatches[column]:>9} mismatches")
    for what, n in mismatches.items():
        if what not in NODE_COLUMNS:
            report.append(f"  {what:<28} {n:>9}")
    if moved:
        report.append(f"  (not a mismatch: {moved} rows were matched at another position than in the oracle's file)")
    return sum(mismatches.values()), shown


def class_rows(path, normalise_name):
    table = Table(path, ["class_name"] + CLASS_COLUMNS)
    rows = []
    for fields in table.rows():
        name = unescape(table.get(fields, "class_name"))
        rows.append((normalise_name(name),) + tuple(table.integer(fields, c) for c in CLASS_COLUMNS))
    return rows


def compare_classes(oracle_path, heapscope_path, report):
    expected_rows = class_rows(oracle_path, lambda name: name)
    actual_rows = class_rows(heapscope_path, cut_like_oracle)
    expected = collections.Counter(expected_rows)
    actual = collections.Counter(actual_rows)
    only_oracle = expected - actual
    only_ours = actual - expected

    # Pair what is left by name (sorted, so the pairing is stable) to say which columns differ.
    by_name = collections.defaultdict(lambda: ([], []))
    for row in sorted(only_oracle.elements()):
        by_name[row[0]][0].append(row)
    for row in sorted(only_ours.elements()):
        by_name[row[0]][1].append(row)
    mismatches = collections.Counter()
    shown = []
    for name, (left, right) in sorted(by_name.items()):
        for e, a in zip(left, right):
            differing = [c for c, x, y in zip(CLASS_COLUMNS, e[1:], a[1:]) if x != y]
            for column in differing:
                mismatches[column] += 1
            if len(shown) < SHOWN:
                shown.append(f"  class {name!r}: " + ", ".join(
                    f"{c} {x} (oracle) != {y} (heapscope)" for c, x, y in zip(CLASS_COLUMNS, e[1:], a[1:]) if x != y))
        for e in left[len(right):]:
            mismatches["missing (only in oracle)"] += 1
            if len(shown) < SHOWN:
                shown.append(f"  class {name!r} {e[1:]}: missing in heapscope's export")
        for a in right[len(left):]:
            mismatches["extra (only in heapscope)"] += 1
            if len(shown) < SHOWN:
                shown.append(f"  class {name!r} {a[1:]}: only in heapscope's export")

    report.append(f"classes: {len(expected_rows)} rows in the oracle, {len(actual_rows)} in heapscope's export, "
                  f"{sum((expected & actual).values())} equal")
    for column in CLASS_COLUMNS:
        report.append(f"  {column:<28} {mismatches[column]:>9} mismatches")
    for what, n in mismatches.items():
        if what not in CLASS_COLUMNS:
            report.append(f"  {what:<28} {n:>9}")
    return sum(mismatches.values()), shown


def main(argv):
    if len(argv) != 5:
        print("usage: conformance_compare.py ORACLE_NODES ORACLE_CLASSES HEAPSCOPE_NODES HEAPSCOPE_CLASSES",
              file=sys.stderr)
        return 2
    report = []
    try:
        node_errors, node_rows = compare_nodes(argv[1], argv[3], report)
        if node_rows:
            report.append(f"first {len(node_rows)} mismatching nodes:")
            report.extend(node_rows)
        class_errors, class_rows_shown = compare_classes(argv[2], argv[4], report)
        if class_rows_shown:
            report.append(f"first {len(class_rows_shown)} mismatching classes:")
            report.extend(class_rows_shown)
    except InputError as e:
        print(f"conformance: {e}", file=sys.stderr)
        return 2
    print("\n".join(report))
    if node_errors or class_errors:
        print(f"NOT EQUAL: {node_errors} node and {class_errors} class differences")
        return 1
    print("EQUAL: every node and every Summary row matches DevTools")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
