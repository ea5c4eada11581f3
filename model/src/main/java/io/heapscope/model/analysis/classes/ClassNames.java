package io.heapscope.model.analysis.classes;

import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;
import io.heapscope.model.snapshot.FieldTable;
import io.heapscope.model.snapshot.HeapSnapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * Every node's Summary class, as DevTools groups them: the class name ({@code className()}) and the class key
 * ({@code classKeyInternal()}). Names: hidden → {@code (system)}, code → {@code (compiled code)}, closure →
 * {@code Function}, regexp → {@code RegExp}, object and native → the name ({@code <div id=x>} → {@code <div>},
 * detached DOM natives {@code Detached <X>}), plain objects → an inferred {@code {a, b}} name or {@code Object},
 * anything else → {@code (type)}. Keys: {@code ,name}, or {@code script,line,column,name} for {@code object} nodes
 * with a {@code locations} entry, so constructors of one name from two places are two classes.
 *
 * <p>A class here is one DevTools <em>internal</em> key: the string index of its name, or the location text. In
 * the rare case that two such keys print as the same {@link #key} (say a {@code native} named {@code Function}
 * next to closures), DevTools' Summary keeps only one of them; {@link ClassSummary} does the same. Classes are
 * numbered in order of first appearance. Memory: one int per node; no per-node objects.
 */
public final class ClassNames {
    public static final String PHASE = "Naming classes";

    private final int[] classOf;
    private final String[] keys;
    private final String[] names;
    private final long[] detachedNames;
    private final List<InterfaceDefinition> definitions;

    private ClassNames(int[] classOf, String[] keys, String[] names, long[] detachedNames,
                       List<InterfaceDefinition> definitions) {
        this.classOf = classOf;
        this.keys = keys;
        this.names = names;
        this.detachedNames = detachedNames;
        this.definitions = definitions;
    }

    /** Names the classes with interface definitions inferred from this snapshot. Linear in nodes and edges. */
    public static ClassNames compute(HeapSnapshot snapshot, ProgressMonitor monitor) {
        long[] detached = DetachedNames.compute(snapshot.graph(), monitor);
        List<InterfaceDefinition> definitions = InterfaceInference.infer(snapshot.graph(), monitor);
        return new Builder(snapshot, definitions, detached).build(monitor);
    }

    /**
     * Names the classes with given interface definitions (another snapshot's, as DevTools' Comparison view names
     * the base snapshot's plain objects with the target's).
     */
    public static ClassNames compute(HeapSnapshot snapshot, List<InterfaceDefinition> definitions,
                                     ProgressMonitor monitor) {
        long[] detached = DetachedNames.compute(snapshot.graph(), monitor);
        return new Builder(snapshot, List.copyOf(definitions), detached).build(monitor);
    }

    public int nodeCount() {
        return classOf.length;
    }

    public int classCount() {
        return keys.length;
    }

    /** The class of a node. Fast, in memory. */
    public int classOf(int node) {
        return classOf[node];
    }

    /** DevTools' class key: {@code ,name} or {@code scriptId,line,column,name}. */
    public String key(int cls) {
        return keys[cls];
    }

    /** The Summary name of a class. */
    public String name(int cls) {
        return names[cls];
    }

    /** The Summary name of a node's class (DevTools' {@code className()}). */
    public String className(int node) {
        return names[classOf[node]];
    }

    /** True when DevTools shows this (native) node's name with a {@code "Detached "} prefix. */
    public boolean hasDetachedPrefix(int node) {
        return detachedNames != null && (detachedNames[node >>> 6] & (1L << node)) != 0;
    }

    /** The interface definitions plain objects were named with, most popular first. */
    public List<InterfaceDefinition> interfaceDefinitions() {
        return definitions;
    }

    /**
     * Does the naming. Names are tracked as DevTools' string indexes ("dev strings"): the snapshot's own strings
     * first, then the ones DevTools adds. Each of DevTools' adding sites deduplicates only against itself, and the
     * identity of a class is such an index, so the three sites keep separate tables here too.
     */
    private static final class Builder {
        private final HeapSnapshot snapshot;
        private final HeapGraph graph;
        private final List<InterfaceDefinition> definitions;
        private final long[] detached;
        private final int stringCount;

        private final List<String> added = new ArrayList<>();
        /** calculateObjectNames' getIndexForString. */
        private final HashMap<String, Integer> objectNameStrings = new HashMap<>();
        /** propagateDOMState's cache: raw name index → "Detached " + name. */
        private final HashMap<Integer, Integer> detachedStrings = new HashMap<>();
        /** Raw name index → dev string of the class, plus one (0 = not yet known); detached natives apart. */
        private final int[] nameClassString;
        private int[] detachedNameClassString;

        private int[] classOfString = new int[0];
        private int[] textOfString = new int[0];
        private final HashMap<String, Integer> textIds = new HashMap<>();
        private final QuadIndex located = new QuadIndex();
        private int[] classOfLocated = new int[64];
        private final List<String> classKeys = new ArrayList<>();
        private final List<String> classNames = new ArrayList<>();

        Builder(HeapSnapshot snapshot, List<InterfaceDefinition> definitions, long[] detached) {
            this.snapshot = snapshot;
            this.graph = snapshot.graph();
            this.definitions = definitions;
            this.detached = detached;
            this.stringCount = graph.strings().size();
            this.nameClassString = new int[stringCount];
        }

        ClassNames build(ProgressMonitor monitor) {
            int nodeCount = graph.nodeCount();
            monitor.beginPhase(PHASE, nodeCount);
            int objectType = graph.nodeTypes().code("object");
            int nativeType = graph.nodeTypes().code("native");
            int propertyType = graph.edgeTypes().code("property");
            int[] typeString = typeStrings(objectType, nativeType);
            int[] interfaceString = interfaceStrings();
            InterfaceMatcher matcher = new InterfaceMatcher(definitions);
            PlainObjects plain = new PlainObjects(graph);
            int[] classOf = new int[nodeCount];
            // Each node's slot holds its location row until the node's class replaces it, in the same step.
            LocationRows locations = LocationRows.of(snapshot, objectType, classOf);

            for (int node = 0; node < nodeCount; node++) {
                if ((node & ProgressMonitor.CHECKPOINT_MASK) == 0) {
                    ProgressMonitor.checkpoint(monitor, node);
                }
                int type = graph.nodeType(node);
                int devString;
                if (type == objectType || type == nativeType) {
                    if (type == objectType && plain.test(node)) {
                        int match = definitions.isEmpty() ? -1 : matcher.match(graph, node, propertyType);
                        devString = match < 0 ? graph.nodeNameIndex(node) : interfaceString[match];
                    } else {
                        devString = namedClassString(node);
                    }
                } else {
                    devString = type >= 0 && type < typeString.length ? typeString[type] : typeString(type);
                }
                int row = type == objectType ? locations.rowOf(node) : -1;
                classOf[node] = row < 0 ? classOfString(devString) : classOfLocated(locations, row, devString);
            }
            monitor.progress(nodeCount);
            return new ClassNames(classOf, classKeys.toArray(new String[0]), classNames.toArray(new String[0]),
                    detached, definitions);
        }

        /** Object and native names: DevTools keeps the name's own string unless it is an HTML-ish tag. */
        private int namedClassString(int node) {
            int raw = graph.nodeNameIndex(node);
            boolean isDetached = detached != null && (detached[node >>> 6] & (1L << node)) != 0;
            int[] memo = nameClassString;
            if (isDetached) {
                if (detachedNameClassString == null) {
                    detachedNameClassString = new int[stringCount];
                }
                memo = detachedNameClassString;
            }
            int known = memo[raw];
            if (known != 0) {
                return known - 1;
            }
            String name = graph.strings().get(raw);
            int devString = raw;
            if (isDetached) {
                name = "Detached " + name;
                devString = detachedStrings.computeIfAbsent(raw, r -> addString("Detached " + graph.strings().get(r)));
            }
            if (name.startsWith("<")) {
                // '<div id="a">' is a '<div>'.
                int space = name.indexOf(' ');
                devString = objectNameString(space < 0 ? name : name.substring(0, space) + ">");
            } else if (name.startsWith("Detached <")) {
                int space = name.indexOf(' ', 10);
                devString = objectNameString(space < 0 ? name : name.substring(0, space) + ">");
            }
            memo[raw] = devString + 1;
            return devString;
        }

        private int[] typeStrings(int objectType, int nativeType) {
            int types = graph.nodeTypes().size();
            int[] result = new int[types];
            // DevTools adds these four first; the order only fixes indexes, it changes no name.
            int hidden = graph.nodeTypes().code("hidden");
            int code = graph.nodeTypes().code("code");
            int closure = graph.nodeTypes().code("closure");
            int regexp = graph.nodeTypes().code("regexp");
            int system = objectNameString("(system)");
            int compiled = objectNameString("(compiled code)");
            int function = objectNameString("Function");
            int regExp = objectNameString("RegExp");
            for (int type = 0; type < types; type++) {
                if (type == hidden) {
                    result[type] = system;
                } else if (type == code) {
                    result[type] = compiled;
                } else if (type == closure) {
                    result[type] = function;
                } else if (type == regexp) {
                    result[type] = regExp;
                } else if (type == objectType || type == nativeType) {
                    result[type] = -1;
                } else {
                    result[type] = typeString(type);
                }
            }
            return result;
        }

        private int typeString(int type) {
            // JavaScript's '(' + undefined + ')' for a type code the meta does not list.
            String name = type >= 0 && type < graph.nodeTypes().size() ? graph.nodeTypes().name(type) : "undefined";
            return objectNameString("(" + name + ")");
        }

        /** applyInterfaceDefinitions' #interfaceNames: one string per distinct definition name. */
        private int[] interfaceStrings() {
            HashMap<String, Integer> byName = new HashMap<>();
            int[] result = new int[definitions.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = byName.computeIfAbsent(definitions.get(i).name(), this::addString);
            }
            return result;
        }

        private int objectNameString(String name) {
            return objectNameStrings.computeIfAbsent(name, this::addString);
        }

        private int addString(String text) {
            added.add(text);
            return stringCount + added.size() - 1;
        }

        private String devText(int devString) {
            return devString < stringCount ? graph.strings().get(devString) : added.get(devString - stringCount);
        }

        private int classOfString(int devString) {
            if (devString >= classOfString.length) {
                int old = classOfString.length;
                classOfString = Arrays.copyOf(classOfString, Math.max(devString + 1, stringCount + added.size()));
                Arrays.fill(classOfString, old, classOfString.length, -1);
            }
            int cls = classOfString[devString];
            if (cls < 0) {
                String name = devText(devString);
                cls = newClass("," + name, name);
                classOfString[devString] = cls;
            }
            return cls;
        }

        /** Located classes are keyed by text, as DevTools builds the key string: location and name's text. */
        private int classOfLocated(LocationRows locations, int row, int devString) {
            int text = textOf(devString);
            int scriptId = locations.scriptId(row);
            int line = locations.line(row);
            int column = locations.column(row);
            int id = located.get(scriptId, line, column, text);
            if (id < 0) {
                id = located.add(scriptId, line, column, text);
                String name = devText(devString);
                if (id == classOfLocated.length) {
                    classOfLocated = Arrays.copyOf(classOfLocated, id * 2);
                }
                classOfLocated[id] = newClass(Integer.toUnsignedString(scriptId) + ','
                        + Integer.toUnsignedString(line) + ',' + Integer.toUnsignedString(column) + ',' + name, name);
            }
            return classOfLocated[id];
        }

        private int textOf(int devString) {
            if (devString >= textOfString.length) {
                int old = textOfString.length;
                textOfString = Arrays.copyOf(textOfString, Math.max(devString + 1, stringCount + added.size()));
                Arrays.fill(textOfString, old, textOfString.length, -1);
            }
            int text = textOfString[devString];
            if (text < 0) {
                text = textIds.computeIfAbsent(devText(devString), t -> textIds.size());
                textOfString[devString] = text;
            }
            return text;
        }

        private int newClass(String key, String name) {
            classKeys.add(key);
            classNames.add(name);
            return classKeys.size() - 1;
        }
    }

    /**
     * The {@code locations} section as a node → row lookup (DevTools' {@code buildLocationMap}; last row wins), in
     * an array of the node count the caller lends.
     */
    static final class LocationRows {
        private final FieldTable table;
        private final int[] rowOf;
        private final int scriptColumn;
        private final int lineColumn;
        private final int columnColumn;

        private LocationRows(FieldTable table, int[] rowOf, int scriptColumn, int lineColumn, int columnColumn) {
            this.table = table;
            this.rowOf = rowOf;
            this.scriptColumn = scriptColumn;
            this.lineColumn = lineColumn;
            this.columnColumn = columnColumn;
        }

        static LocationRows of(HeapSnapshot snapshot, int objectType, int[] rowOf) {
            FieldTable table = snapshot.locations();
            int objectColumn = table.column("object_index");
            int scriptColumn = table.column("script_id");
            int lineColumn = table.column("line");
            int columnColumn = table.column("column");
            if (table.isEmpty() || objectColumn < 0 || scriptColumn < 0 || lineColumn < 0 || columnColumn < 0) {
                return new LocationRows(table, null, scriptColumn, lineColumn, columnColumn);
            }
            HeapGraph graph = snapshot.graph();
            int nodeCount = graph.nodeCount();
            long fieldCount = snapshot.header().meta().nodeFields().size();
            Arrays.fill(rowOf, 0, nodeCount, -1);
            for (int row = 0, rows = table.rowCount(); row < rows; row++) {
                // object_index is a node index (ordinal × node field count), as DevTools looks it up.
                long index = table.get(row, objectColumn);
                if (index % fieldCount == 0 && index / fieldCount < nodeCount) {
                    int node = (int) (index / fieldCount);
                    if (graph.nodeType(node) == objectType) {
                        rowOf[node] = row;
                    }
                }
            }
            return new LocationRows(table, rowOf, scriptColumn, lineColumn, columnColumn);
        }

        int rowOf(int node) {
            return rowOf == null ? -1 : rowOf[node];
        }

        int scriptId(int row) {
            return (int) table.get(row, scriptColumn);
        }

        int line(int row) {
            return (int) table.get(row, lineColumn);
        }

        int column(int row) {
            return (int) table.get(row, columnColumn);
        }
    }
}
