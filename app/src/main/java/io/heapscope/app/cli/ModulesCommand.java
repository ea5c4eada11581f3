package io.heapscope.app.cli;

import io.heapscope.app.cli.LoadedSnapshot.Part;
import io.heapscope.model.modules.ModuleGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.concurrent.Callable;

/** {@code heapscope modules FILE}: the module graph, its zombies and what holds them. */
@Command(name = "modules", description = {
        "The modules in a snapshot: CommonJS (cache, parent, children), ES modules (imports), vm modules "
                + "(by context), and zombies: modules dropped from their cache that something still holds.",
        "Exits 1 with --check-zombies N when more than N zombies are held by more than the stack or open "
                + "handle scopes."})
final class ModulesCommand implements Callable<Integer> {

    enum Format { text, json }

    @Mixin
    SnapshotFile input;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--zombies", description = "Only the zombies, each with the chain that holds it.")
    boolean zombiesOnly;

    @Option(names = "--check-zombies", paramLabel = "N",
            description = "Fail (exit 1) when more than N zombies are leaked (held by more than transient roots).")
    Integer maxLeakedZombies;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (maxLeakedZombies != null && maxLeakedZombies < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--check-zombies needs a count of 0 or more, not " + maxLeakedZombies);
        }
        LoadedSnapshot loaded = LoadedSnapshot.load(input.path, EnumSet.of(Part.MODULES));
        ModuleGraph modules = loaded.modules;
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            new ModulesJson(loaded.analysis, modules).write(out, zombiesOnly);
        } else {
            ModulesText text = new ModulesText(loaded.analysis, modules, out);
            if (zombiesOnly) {
                text.printZombies();
            } else {
                text.printAll(input.path.getFileName().toString());
            }
        }
        out.flush();
        if (maxLeakedZombies != null && modules.leakedZombieCount() > maxLeakedZombies) {
            throw new CheckFailedException(modules.leakedZombieCount() + " zombie modules are held by more than "
                    + "the stack or handle scopes (allowed: " + maxLeakedZombies + ")");
        }
        return ExitCodes.OK;
    }
}
