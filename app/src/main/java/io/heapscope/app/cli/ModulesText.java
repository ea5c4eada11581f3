package io.heapscope.app.cli;

import io.heapscope.model.format.HeapText;
import io.heapscope.model.analysis.HeapAnalysis;
import io.heapscope.model.analysis.Retainers.Hop;
import io.heapscope.model.format.ByteSizes;
import io.heapscope.model.graph.HeapGraph;
import io.heapscope.model.modules.JsModule;
import io.heapscope.model.modules.ModuleGraph;
import io.heapscope.model.modules.ModuleKind;
import io.heapscope.model.modules.ModuleState;
import io.heapscope.model.modules.StateTotal;
import io.heapscope.model.modules.VmContext;
import io.heapscope.model.modules.ZombieGroup;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** The module graph as terminal text: totals per state, every module, imports, vm contexts and zombie chains. */
final class ModulesText {
    private final HeapGraph graph;
    private final ModuleGraph modules;
    private final PrintWriter out;

    ModulesText(HeapAnalysis analysis, ModuleGraph modules, PrintWriter out) {
        this.graph = analysis.graph();
        this.modules = modules;
        this.out = out;
    }

    void printAll(String fileName) {
        if (modules.isEmpty()) {
            out.println("No modules in " + fileName + " (not a Node snapshot, or one without a module loader).");
            return;
        }
        out.printf("Modules in %s: %d (%d CommonJS, %d ES, %d vm)%n%n", fileName, modules.modules().size(),
                count(ModuleKind.CJS), count(ModuleKind.ESM), count(ModuleKind.VM));
        out.printf("%-10s %8s %12s%n", "State", "Modules", "Retained");
        for (StateTotal total : modules.totals().values()) {
            out.printf("%-10s %8d %12s%n", total.state().label(), total.count(), ByteSizes.human(total.retainedSize()));
        }
        out.println();
        out.printf("%-4s %-9s %10s %10s  %-14s %s%n", "Kind", "State", "Retained", "Exports", "Object", "Name");
        for (JsModule module : modules.modules()) {
            out.printf("%-4s %-9s %10s %10s  %-14s %s%n", module.kind().label(), module.state().label(),
                    ByteSizes.human(module.retainedSize()), ByteSizes.human(module.exportsRetainedSize()),
                    "@" + graph.nodeId(module.node()), module.name());
        }
        printImports();
        printVmContexts();
        if (!modules.zombieGroups().isEmpty()) {
            out.println();
            printZombieGroups();
        }
    }

    private void printImports() {
        List<JsModule> importing = modules.modules().stream()
                .filter(m -> m.kind() == ModuleKind.ESM && !m.imports().isEmpty()).toList();
        if (importing.isEmpty()) {
            return;
        }
        out.printf("%nES module imports%n");
        for (JsModule module : importing) {
            out.printf("  %s -> %s%n", module.name(),
                    module.imports().stream().map(i -> modules.module(i).name()).collect(Collectors.joining(", ")));
        }
    }

    private void printVmContexts() {
        if (modules.vmContexts().isEmpty()) {
            return;
        }
        out.printf("%nvm modules by context%n");
        for (VmContext context : modules.vmContexts()) {
            String where = context.contextNode() < 0 ? "(no context)" : "context " + HeapText.node(graph,
                    context.contextNode());
            out.printf("  %-32s %10s  %s%n", where, ByteSizes.human(context.retainedSize()),
                    context.modules().stream().map(i -> modules.module(i).name()).collect(Collectors.joining(", ")));
        }
    }

    private void printZombieGroups() {
        out.printf("Zombies by file: %d of %d leaked (the rest only the stack or open handle scopes hold)%n",
                modules.leakedZombieCount(), modules.inState(ModuleState.ZOMBIE).size());
        for (ZombieGroup group : modules.zombieGroups()) {
            out.printf("  %s × %d, %s, %d leaked%n", group.name(), group.modules().size(),
                    ByteSizes.human(group.retainedSize()), group.leakedCount());
            out.println("    " + chain(group.modules().get(0)));
        }
    }

    /** Every zombie with the chain that holds it. */
    void printZombies() {
        List<JsModule> zombies = modules.inState(ModuleState.ZOMBIE);
        if (zombies.isEmpty()) {
            out.println("No zombie modules.");
            return;
        }
        printZombieGroups();
        out.println();
        for (JsModule zombie : zombies) {
            out.printf("%s @%d %s%s%n", zombie.name(), graph.nodeId(zombie.node()),
                    ByteSizes.human(zombie.retainedSize()),
                    modules.isTransient(zombie.index()) ? " (transient: only the stack or handle scopes hold it)"
                            : "");
            out.println("    " + chain(zombie.index()));
        }
    }

    /** {@code Module @1 --children--> Array @2 --[5]--> Module @3}, root side first. */
    private String chain(int module) {
        StringBuilder text = new StringBuilder();
        for (Hop hop : modules.retainerPath(module)) {
            if (hop.edge() >= 0) {
                text.append(" --").append(HeapText.edge(graph, hop.edge())).append("--> ");
            }
            text.append(HeapText.node(graph, hop.node()));
        }
        return text.length() == 0 ? "(not reachable from the root)" : text.toString();
    }

    private long count(ModuleKind kind) {
        return modules.modules().stream().filter(m -> m.kind() == kind).count();
    }
}
