package dev.xamba.opt.pass;

import dev.xamba.opt.canonical.CanonicalizePass;
import dev.xamba.opt.canonical.CsePass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Every pass a pipeline string may name, by CLI name. Each lookup makes a fresh instance, so options set for
 * one pipeline never leak into another. Registries are immutable; {@link #with} makes an extended copy (tests
 * add test-only passes that way).
 */
public final class PassRegistry {
    private final Map<String, Supplier<? extends Pass>> factories;

    private PassRegistry(Map<String, Supplier<? extends Pass>> factories) {
        this.factories = Collections.unmodifiableMap(factories);
    }

    /**
     * The passes of the compiler, listed in phase order: eliminations and folding first, then target
     * legalization, then the cost-driven XAMBA rewrites. Built once (registering a pass makes an instance of it),
     * and shared: registries are immutable.
     */
    public static PassRegistry standard() { return Standard.REGISTRY; }

    /** Holder of {@link #standard()}, built on first use only. */
    private static final class Standard {
        static final PassRegistry REGISTRY = empty()
                .with(CanonicalizePass::new)
                .with(CsePass::new)
                .with(dev.xamba.opt.legalize.LegalizeToOvPass::new)
                .with(dev.xamba.opt.xamba.XambaRules.CONTRACT::newPass)
                .with(dev.xamba.opt.xamba.XambaRules.CUMBA::newPass)
                .with(dev.xamba.opt.xamba.XambaRules.REDUBA::newPass)
                .with(dev.xamba.opt.xamba.XambaRules.ACTIBA::newPass);
    }

    public static PassRegistry empty() { return new PassRegistry(new TreeMap<>()); }

    /** A copy of this registry that also knows the pass {@code factory} makes. */
    public PassRegistry with(Supplier<? extends Pass> factory) {
        String name = factory.get().cliName();
        if (factories.containsKey(name)) throw new IllegalArgumentException("pass '" + name + "' registered twice");
        Map<String, Supplier<? extends Pass>> more = new TreeMap<>(factories);
        more.put(name, factory);
        return new PassRegistry(more);
    }

    /** CLI names, sorted. */
    public SortedSet<String> names() { return Collections.unmodifiableSortedSet(new TreeSet<>(factories.keySet())); }

    /** A new, unconfigured instance of the named pass. */
    public Optional<Pass> create(String cliName) {
        Supplier<? extends Pass> f = factories.get(cliName);
        return f == null ? Optional.empty() : Optional.of(f.get());
    }

    /** One unconfigured instance of every pass, sorted by CLI name, for listing names, summaries and options. */
    public List<Pass> passes() {
        List<Pass> all = new ArrayList<>();
        for (Supplier<? extends Pass> f : factories.values()) all.add(f.get());
        return all;
    }

    /**
     * The pass list for {@code --help}: each pass with its summary, then one indented line per option with its
     * type, description and default.
     */
    public String helpText() {
        return helpText(Integer.MAX_VALUE);
    }

    /** {@link #helpText()} with lines wrapped at {@code columns}, each continuation under the text it continues. */
    public String helpText(int columns) {
        int width = factories.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (Pass p : passes()) {
            wrap(sb, "  " + pad(p.cliName(), width) + "  ", p.summary(), columns);
            for (PassOption<?> o : p.options()) {
                wrap(sb, "      " + o.name() + "=<" + o.kind().typeName() + ">  ",
                        o.description() + " (default: " + formatDefault(o) + ")", columns);
            }
        }
        return sb.toString();
    }

    /** Appends {@code head} and {@code text}, breaking between words before {@code columns}, indented like the text. */
    private static void wrap(StringBuilder sb, String head, String text, int columns) {
        String indent = " ".repeat(head.length());
        int lineStart = sb.length();
        sb.append(head);
        boolean first = true;
        for (String word : text.split(" ")) {
            if (!first && sb.length() - lineStart + 1 + word.length() > columns) {
                sb.append('\n');
                lineStart = sb.length();
                sb.append(indent).append(word);
            } else {
                sb.append(first ? "" : " ").append(word);
            }
            first = false;
        }
        sb.append('\n');
    }

    private static <T> String formatDefault(PassOption<T> o) { return o.format(o.defaultValue()); }

    private static String pad(String s, int width) { return s + " ".repeat(width - s.length()); }
}
