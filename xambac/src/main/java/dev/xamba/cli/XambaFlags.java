package dev.xamba.cli;

import dev.xamba.opt.xamba.XambaRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import dev.xamba.opt.cost.device.Target;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The XAMBA rewrite choice shared by {@code compile}, {@code verify} and {@code opt}: which rewrites run, for which
 * target's cost model, and ActiBA's error budget. Turns them into pass-pipeline elements.
 */
final class XambaFlags {
    /** The rewrites {@code auto} runs: the exact ones (ActiBA is approximate and runs only when asked). */
    private static final List<String> EXACT = List.of("contract", "cumba", "reduba");

    @Mixin
    TargetFlags targets = new TargetFlags();

    @Option(names = "--xamba", paramLabel = "PASSES", description = {
            "XAMBA rewrites: auto (contract, cumba, reduba, each only where the target's cost model predicts a win;",
            "the default on npu* targets), none (the default on cpu), all (every rewrite, forced), or a comma list",
            "of contract, cumba, reduba, actiba (forced: applied wherever correct). --remarks shows each decision."})
    String xamba;

    @Option(names = "--actiba-max-error", paramLabel = "E",
            description = "Run ActiBA (approximate activations) with at most this absolute error per op; implied by --xamba actiba.")
    Double actibaMaxError;

    /** Flags as if given on the command line ({@code choice} null for the target's default). */
    static XambaFlags of(String choice, TargetFlags targets, Double actibaMaxError) {
        XambaFlags f = new XambaFlags();
        f.xamba = choice;
        f.targets = targets;
        f.actibaMaxError = actibaMaxError;
        return f;
    }

    /** The choice in effect: as given, or the target's default (auto on npu*, none on cpu). */
    String choice() {
        return xamba != null ? xamba.strip().toLowerCase(Locale.ROOT) : target().kind() == Target.Kind.NPU ? "auto" : "none";
    }

    /** The pipeline elements to run after legalization, in driver order; empty for none. */
    List<String> passes() {
        String target = quoted(targets.spec());
        if (actibaMaxError != null && !(actibaMaxError > 0)) throw new UserError("--actiba-max-error must be > 0, got " + actibaMaxError);
        String choice = choice();
        Set<String> chosen = new LinkedHashSet<>();
        boolean forced;
        switch (choice) {
            case "none" -> forced = true;
            case "auto" -> {
                chosen.addAll(EXACT);
                forced = false;
            }
            case "all" -> {
                chosen.addAll(EXACT);
                chosen.add("actiba");
                forced = true;
            }
            default -> {
                for (String part : choice.split(",", -1)) {
                    String name = part.strip().startsWith("xamba-") ? part.strip().substring(6) : part.strip();
                    if (!known().contains(name)) {
                        throw new UserError("--xamba " + xamba + ": unknown rewrite '" + part.strip()
                                + "' (use auto, none, all or a list of " + String.join(", ", known()) + ")");
                    }
                    chosen.add(name);
                }
                forced = true;
            }
        }
        if (actibaMaxError != null && !choice.equals("none")) chosen.add("actiba");
        List<String> elements = new ArrayList<>();
        for (String name : known()) {
            if (!chosen.contains(name)) continue;
            StringBuilder e = new StringBuilder("xamba-").append(name).append("{target=").append(target);
            if (forced) e.append(" force");
            if (name.equals("actiba") && actibaMaxError != null) e.append(" max-error=").append(actibaMaxError);
            elements.add(e.append('}').toString());
        }
        return elements;
    }

    /** The target the rewrites are costed for ({@code --target} or {@code --target-file}). */
    Target target() { return targets.resolve(); }

    /** A pipeline option value in double quotes: a target file's path may hold spaces or braces. */
    private static String quoted(String value) {
        if (value.contains("\"")) throw new UserError("--target-file " + value + ": the path may not contain '\"'");
        return "\"" + value + "\"";
    }

    /** Rewrite names without the {@code xamba-} prefix, in driver order. */
    static List<String> known() {
        return XambaRules.ALL.stream().map(r -> r.name().substring("xamba-".length())).toList();
    }
}
