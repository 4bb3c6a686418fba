package dev.xamba.cli;

import dev.xamba.opt.xamba.XambaRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import dev.xamba.opt.cost.target.Target;
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

    /** The pipeline elements to run after legalization, in driver order; empty for none. */
    List<String> passes() {
        Target target = targets.resolve();
        if (actibaMaxError != null && !(actibaMaxError > 0)) throw new UserError("--actiba-max-error must be > 0, got " + actibaMaxError);
        String choice = xamba != null ? xamba.strip().toLowerCase(Locale.ROOT) : target.kind() == Target.Kind.NPU ? "auto" : "none";
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
            StringBuilder e = new StringBuilder("xamba-").append(name).append("{target=").append(quoted(targets.spec()));
            if (forced) e.append(" force");
            if (name.equals("actiba") && actibaMaxError != null) e.append(" max-error=").append(actibaMaxError);
            elements.add(e.append('}').toString());
        }
        return elements;
    }

    /** The target the rewrites are costed for. */
    Target target() { return targets.resolve(); }

    /** The same target with another {@code --xamba} choice (the report's {@code none} baseline). */
    XambaFlags withChoice(String choice) {
        XambaFlags other = new XambaFlags();
        other.targets = targets;
        other.xamba = choice;
        other.actibaMaxError = choice.equals("none") ? null : actibaMaxError;
        return other;
    }

    /** The rewrites chosen, by name without the prefix ({@code [contract, cumba]}); empty for none. */
    List<String> chosen() {
        return passes().stream().map(e -> e.substring("xamba-".length(), e.indexOf('{'))).toList();
    }

    /** A pipeline option value in double quotes (a target file path may hold spaces or braces). */
    private static String quoted(String value) {
        if (value.contains("\"") ) throw new UserError("--target-file " + value + ": the path may not contain '\"'");
        return "\"" + value + "\"";
    }

    /** Rewrite names without the {@code xamba-} prefix, in driver order. */
    private static List<String> known() {
        return XambaRules.ALL.stream().map(r -> r.name().substring("xamba-".length())).toList();
    }
}
