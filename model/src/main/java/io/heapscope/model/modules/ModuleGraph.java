package io.heapscope.model.modules;

import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.NodeMeasures;
import io.heapscope.model.analysis.Retainers;
import io.heapscope.model.analysis.Retainers.Hop;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.progress.ProgressMonitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The modules of a Node snapshot: CommonJS modules with their cache, parents and children; ES modules with their
 * import graph; vm modules by context; and the zombies (modules dropped from their cache yet still reachable) with
 * the chain that holds each. A browser snapshot has none of these and gives an empty graph.
 *
 * <p>Costs one pass over the node names, plus, only when there are zombies, one search over the graph to tell
 * leaks from transients and one shortest path per zombie.
 */
public final class ModuleGraph {
    public static final String PHASE = "Finding modules";

    private final List<JsModule> modules;
    private final int main;
    private final Map<Integer, List<Hop>> zombiePaths;
    private final Map<Integer, Boolean> transientZombies;
    private final List<ZombieGroup> zombieGroups;
    private final Map<ModuleState, StateTotal> totals;
    private final List<VmContext> vmContexts;

    private ModuleGraph(List<JsModule> modules, int main, Map<Integer, List<Hop>> zombiePaths,
                        Map<Integer, Boolean> transientZombies, List<ZombieGroup> zombieGroups,
                        Map<ModuleState, StateTotal> totals, List<VmContext> vmContexts) {
        this.modules = modules;
        this.main = main;
        this.zombiePaths = zombiePaths;
        this.transientZombies = transientZombies;
        this.zombieGroups = zombieGroups;
        this.totals = totals;
        this.vmContexts = vmContexts;
    }

    public static ModuleGraph compute(HeapAnalysis analysis, ProgressMonitor monitor) {
        HeapGraph graph = analysis.graph();
        monitor.beginPhase(PHASE, graph.nodeCount());
        graph.indexRetainers(monitor);
        List<String> names = new ArrayList<>(List.of(CommonJsModules.CLASS_NAME, "process", "ModuleWrap",
                "ModuleJob", "LoadCache"));
        names.addAll(VmModules.CLASS_NAMES);
        NamedNodes named = NamedNodes.find(graph, names, monitor);

        ObjectReader reader = new ObjectReader(graph);
        ModuleRecords records = new ModuleRecords(reader);
        VmModules vmFinder = new VmModules(reader, records);
        int[] vmCandidates = concat(named.named("SourceTextModule"), named.named("SyntheticModule"));

        List<FoundModule> found = new ArrayList<>();
        found.addAll(new CommonJsModules(reader).find(named.named(CommonJsModules.CLASS_NAME),
                named.named("process")));
        found.addAll(new EsModules(reader, records).find(named.named("ModuleWrap"), named.named("ModuleJob"),
                named.named("LoadCache"), vmFinder.wrapsOf(vmCandidates)));
        found.addAll(vmFinder.find(vmCandidates));
        monitor.checkCancelled();
        return new Linker(analysis, found).link(monitor);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Every module: CommonJS first, then ES modules, then vm modules, each in node order. */
    public List<JsModule> modules() {
        return modules;
    }

    public JsModule module(int index) {
        return modules.get(index);
    }

    public boolean isEmpty() {
        return modules.isEmpty();
    }

    /** The index of the main module, or {@code -1}. */
    public int main() {
        return main;
    }

    /** The modules in {@code state}, in {@link #modules()} order. */
    public List<JsModule> inState(ModuleState state) {
        return modules.stream().filter(m -> m.state() == state).toList();
    }

    /**
     * The chain that holds a zombie, root first, cut at the last live (non-zombie) module on DevTools' shortest
     * path: typically {@code Module --children--> Array --[i]--> Module}. The first hop has no edge ({@code -1}).
     * Empty for modules that are not zombies.
     */
    public List<Hop> retainerPath(int module) {
        return zombiePaths.getOrDefault(module, List.of());
    }

    /** True for a zombie held only by the stack or open handle scopes: it goes away when the code returns. */
    public boolean isTransient(int module) {
        return transientZombies.getOrDefault(module, false);
    }

    /** Zombies held by more than the stack or open handle scopes: leaks. */
    public int leakedZombieCount() {
        return (int) transientZombies.values().stream().filter(t -> !t).count();
    }

    /** Zombies grouped by file, the group retaining most first. */
    public List<ZombieGroup> zombieGroups() {
        return zombieGroups;
    }

    /** Count and retained size per state, for the states that occur. */
    public Map<ModuleState, StateTotal> totals() {
        return totals;
    }

    /** vm modules by context, the context retaining most first. */
    public List<VmContext> vmContexts() {
        return vmContexts;
    }

    /** Turns what the finders read into linked, measured modules. */
    private static final class Linker {
        private final HeapAnalysis analysis;
        private final List<FoundModule> found;
        private final Map<Integer, Integer> indexOfNode = new HashMap<>();
        private final Map<Integer, Integer> indexOfRecord = new HashMap<>();

        Linker(HeapAnalysis analysis, List<FoundModule> found) {
            this.analysis = analysis;
            this.found = found;
            for (int i = 0; i < found.size(); i++) {
                indexOfNode.putIfAbsent(found.get(i).node, i);
                if (found.get(i).recordNode != FoundModule.NONE) {
                    indexOfRecord.putIfAbsent(found.get(i).recordNode, i);
                }
            }
        }

        ModuleGraph link(ProgressMonitor monitor) {
            List<JsModule> modules = new ArrayList<>(found.size());
            int main = -1;
            for (int i = 0; i < found.size(); i++) {
                FoundModule m = found.get(i);
                ModuleState state = stateOf(m);
                if (state == ModuleState.MAIN && main < 0) {
                    main = i;
                }
                modules.add(new JsModule(i, m.kind, state, m.node, m.name, m.id, m.loaded,
                        indexOfNode.getOrDefault(m.parentNode, -1), indexes(m.childNodes, indexOfNode),
                        indexes(m.importedRecords, indexOfRecord), m.exportsNode, analysis.retainedSize(m.node),
                        m.exportsNode == FoundModule.NONE ? 0 : analysis.retainedSize(m.exportsNode),
                        m.contextNode));
            }

            Map<Integer, List<Hop>> paths = new HashMap<>();
            Map<Integer, Boolean> transients = new HashMap<>();
            List<JsModule> zombies = modules.stream().filter(m -> m.state() == ModuleState.ZOMBIE).toList();
            if (!zombies.isEmpty()) {
                DurableReachability durable = DurableReachability.compute(analysis.graph(), monitor);
                Retainers retainers = new Retainers(analysis);
                for (JsModule zombie : zombies) {
                    monitor.checkCancelled();
                    paths.put(zombie.index(), cutAtLiveModule(retainers.shortestPath(zombie.node()), modules));
                    transients.put(zombie.index(), !durable.isDurablyReachable(zombie.node()));
                }
            }
            return new ModuleGraph(List.copyOf(modules), main, paths, transients,
                    zombieGroups(zombies, transients), totals(modules), vmContexts(modules));
        }

        private ModuleState stateOf(FoundModule m) {
            if (m.kind == ModuleKind.VM) {
                return ModuleState.UNTRACKED;
            }
            if (m.main) {
                return ModuleState.MAIN;
            }
            if (m.cached) {
                return ModuleState.CACHED;
            }
            if (m.kind == ModuleKind.CJS && !Boolean.TRUE.equals(m.loaded)) {
                return ModuleState.ANCHOR;
            }
            return analysis.distance(m.node) == NodeMeasures.NO_DISTANCE ? ModuleState.GARBAGE : ModuleState.ZOMBIE;
        }

        private List<Hop> cutAtLiveModule(List<Hop> path, List<JsModule> modules) {
            for (int i = path.size() - 2; i >= 0; i--) {
                Integer module = indexOfNode.get(path.get(i).node());
                if (module != null && modules.get(module).state() != ModuleState.ZOMBIE) {
                    List<Hop> cut = new ArrayList<>(path.subList(i, path.size()));
                    cut.set(0, new Hop(-1, cut.get(0).node()));
                    return List.copyOf(cut);
                }
            }
            return path;
        }

        private List<ZombieGroup> zombieGroups(List<JsModule> zombies, Map<Integer, Boolean> transients) {
            Map<String, List<JsModule>> byName = new LinkedHashMap<>();
            for (JsModule zombie : zombies) {
                byName.computeIfAbsent(String.valueOf(zombie.name()), k -> new ArrayList<>()).add(zombie);
            }
            List<ZombieGroup> groups = new ArrayList<>();
            byName.forEach((name, members) -> groups.add(new ZombieGroup(name,
                    members.stream().map(JsModule::index).toList(),
                    TopMostRetained.of(members.stream().mapToInt(JsModule::node).toArray(), analysis),
                    (int) members.stream().filter(m -> !transients.get(m.index())).count())));
            groups.sort(Comparator.comparingLong(ZombieGroup::retainedSize).reversed()
                    .thenComparing(ZombieGroup::name));
            return List.copyOf(groups);
        }

        private Map<ModuleState, StateTotal> totals(List<JsModule> modules) {
            Map<ModuleState, StateTotal> totals = new EnumMap<>(ModuleState.class);
            for (ModuleState state : ModuleState.values()) {
                int[] nodes = modules.stream().filter(m -> m.state() == state).mapToInt(JsModule::node).toArray();
                if (nodes.length > 0) {
                    totals.put(state, new StateTotal(state, nodes.length, TopMostRetained.of(nodes, analysis)));
                }
            }
            return totals;
        }

        private List<VmContext> vmContexts(List<JsModule> modules) {
            Map<Integer, List<JsModule>> byContext = new LinkedHashMap<>();
            for (JsModule module : modules) {
                if (module.kind() == ModuleKind.VM) {
                    byContext.computeIfAbsent(module.context(), k -> new ArrayList<>()).add(module);
                }
            }
            List<VmContext> contexts = new ArrayList<>();
            byContext.forEach((context, members) -> {
                int[] nodes = members.stream().mapToInt(JsModule::node).toArray();
                if (context >= 0) {
                    nodes = java.util.Arrays.copyOf(nodes, nodes.length + 1);
                    nodes[nodes.length - 1] = context;
                }
                contexts.add(new VmContext(context, members.stream().map(JsModule::index).toList(),
                        TopMostRetained.of(nodes, analysis)));
            });
            contexts.sort(Comparator.comparingLong(VmContext::retainedSize).reversed());
            return List.copyOf(contexts);
        }

        private static List<Integer> indexes(int[] nodes, Map<Integer, Integer> indexOf) {
            List<Integer> result = new ArrayList<>(nodes.length);
            for (int node : nodes) {
                Integer index = indexOf.get(node);
                if (index != null) {
                    result.add(index);
                }
            }
            return List.copyOf(result);
        }
    }
}
