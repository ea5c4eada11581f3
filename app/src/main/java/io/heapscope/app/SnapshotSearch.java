package io.heapscope.app;

import io.heapscope.model.analysis.classes.ClassRow;
import io.heapscope.model.analysis.classes.ClassSummary;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.format.HeapText;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.views.heap.HeapClasses;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.concurrent.Worker;

/**
 * Ctrl+Shift+A's search over the open snapshots: class names containing the text (exact names first, then names
 * starting with it, then the rest, each by retained size), and, for {@code @12345} or a bare number, the object with
 * that id in each snapshot. Works on the Summary's class rows, one pass over them per snapshot, so a keystroke
 * costs a few milliseconds even on a big snapshot's tens of thousands of classes.
 */
final class SnapshotSearch {
    /** At most this many results: the list is for picking one, not for reading. */
    static final int LIMIT = 100;
    private static final Pattern OBJECT_ID = Pattern.compile("@?(\\d{1,18})");

    /** A snapshot to search, and the work naming its classes, which may still be running. */
    record Target(OpenSnapshot snapshot, HeapGraph graph, Worker<HeapClasses> naming) {
        /** The class names, or {@code null} while they are being computed (or if that failed). */
        HeapClasses classes() {
            return naming.getState() == Worker.State.SUCCEEDED ? naming.getValue() : null;
        }
    }

    /** A class of a snapshot ({@code node} is -1), or an object ({@code className} is null). */
    record Result(OpenSnapshot snapshot, String className, int node, String text, String detail) {
        boolean isObject() {
            return className == null;
        }
    }

    private SnapshotSearch() {
    }

    static List<Result> search(List<Target> targets, String query) {
        String text = query == null ? "" : query.strip();
        List<Result> results = new ArrayList<>();
        if (text.isEmpty()) {
            return results;
        }
        Matcher id = OBJECT_ID.matcher(text);
        if (id.matches()) {
            for (Target target : targets) {
                int node = target.graph().ordinalOfId(Long.parseLong(id.group(1)));
                if (node >= 0) {
                    results.add(new Result(target.snapshot(), null, node, HeapText.node(target.graph(), node),
                            fileName(target)));
                }
            }
        }
        if (!text.startsWith("@")) {
            results.addAll(classes(targets, text.toLowerCase(Locale.ROOT)));
        }
        return results.size() > LIMIT ? List.copyOf(results.subList(0, LIMIT)) : results;
    }

    private static List<Result> classes(List<Target> targets, String needle) {
        /** Classes of one name in one snapshot: V8 makes a class per evaluation (hot.js reloaded 20 times), one row. */
        final class Match {
            final Target target;
            final String name;
            final int rank;
            int classes;
            long objects;
            long retained;

            Match(Target target, String name, int rank) {
                this.target = target;
                this.name = name;
                this.rank = rank;
            }
        }
        List<Match> matches = new ArrayList<>();
        for (Target target : targets) {
            if (target.classes() == null) {
                continue;
            }
            ClassSummary summary = target.classes().summary();
            Map<String, Match> byName = new HashMap<>();
            for (int i = 0; i < summary.rowCount(); i++) {
                ClassRow row = summary.row(i);
                String name = row.name().toLowerCase(Locale.ROOT);
                if (name.contains(needle)) {
                    Match match = byName.computeIfAbsent(row.name(), key -> new Match(target, key,
                            name.equals(needle) ? 0 : name.startsWith(needle) ? 1 : 2));
                    match.classes++;
                    match.objects += row.count();
                    match.retained += row.retainedSizeSum();
                }
            }
            matches.addAll(byName.values());
        }
        matches.sort(Comparator.comparingInt((Match m) -> m.rank)
                .thenComparing(Comparator.comparingLong((Match m) -> m.retained).reversed())
                .thenComparing(m -> m.name));
        return matches.stream().limit(LIMIT).map(m -> new Result(m.target.snapshot(), m.name, -1, m.name,
                (m.classes > 1 ? ByteSizes.grouped(m.classes) + " classes \u00b7 " : "")
                + count(m.objects, "object") + " \u00b7 " + ByteSizes.human(m.retained) + " retained \u00b7 "
                + fileName(m.target))).toList();
    }

    private static String count(long n, String noun) {
        return ByteSizes.grouped(n) + " " + noun + (n == 1 ? "" : "s");
    }

    private static String fileName(Target target) {
        return OpenSnapshotCell.shortName(target.snapshot().file());
    }
}
