package dev.xamba.api.pipeline;

import dev.xamba.opt.cost.device.Target;
import dev.xamba.opt.xamba.XambaRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The XAMBA rewrite choice ({@code auto}, {@code none}, {@code all} or a list) turned into pass-pipeline elements
 * for a target. Messages name the command-line flags ({@code --xamba}, {@code --actiba-max-error}) that the
 * library's options mirror.
 */
public final class XambaRewrites {
    /** The rewrites {@code auto} runs: the exact ones (ActiBA is approximate and runs only when asked). */
    private static final List<String> EXACT = List.of("contract", "cumba", "reduba");

    private XambaRewrites() {}

    /** The choice in effect: as given, or the target's default (auto on npu*, none on cpu). */
    public static String choice(String xamba, TargetChoice target) {
        return xamba != null ? xamba.strip().toLowerCase(Locale.ROOT) : target.resolve().kind() == Target.Kind.NPU ? "auto" : "none";
    }

    /**
     * The pipeline elements to run after legalization, in driver order; empty for none.
     *
     * @param xamba          the choice as given, or null for the target's default
     * @param actibaMaxError ActiBA's error budget per op (implies ActiBA unless the choice is none), or null
     */
    public static List<String> passes(String xamba, TargetChoice targets, Double actibaMaxError) {
        String target = quoted(targets.spec());
        if (actibaMaxError != null && !(actibaMaxError > 0 && Double.isFinite(actibaMaxError))) {
            throw UserError.badOption("--actiba-max-error must be a finite number > 0, got " + actibaMaxError);
        }
        String choice = choice(xamba, targets);
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
                        throw UserError.badOption("--xamba " + xamba + ": unknown rewrite '" + part.strip()
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

    /** A pipeline option value in double quotes: a target file's path may hold spaces or braces. */
    private static String quoted(String value) {
        if (value.contains("\"")) throw UserError.badOption("--target-file " + value + ": the path may not contain '\"'");
        return "\"" + value + "\"";
    }

    /** Rewrite names without the {@code xamba-} prefix, in driver order. */
    public static List<String> known() {
        List<String> names = new ArrayList<>(XambaRules.ALL.size());
        for (XambaRules.Rule rule : XambaRules.ALL) names.add(rule.name().substring("xamba-".length()));
        return List.copyOf(names);
    }
}
