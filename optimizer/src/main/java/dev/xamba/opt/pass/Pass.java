package dev.xamba.opt.pass;

import dev.xamba.ir.Operation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One transformation or analysis over a module, run by the {@link PassManager}. A pass has a CLI name
 * ({@code canonicalize}), a one-line summary for {@code --help}, and typed options set from the pipeline string.
 *
 * <p>A pass instance holds only its configuration; everything a run produces (diagnostics, statistics,
 * remarks) goes into the {@link PassContext}, so passes stay stateless across runs.
 */
public abstract class Pass {
    /** Options set explicitly, in the order they were given; unset options read their default. */
    private final Map<PassOption<?>, Object> configured = new LinkedHashMap<>();

    /** The name used in pipeline strings, e.g. {@code canonicalize}. */
    public abstract String cliName();

    /** One line for {@code --help}. */
    public abstract String summary();

    /** The options this pass understands, in the order help text lists them. */
    public List<PassOption<?>> options() { return List.of(); }

    /**
     * Transforms {@code module} in place. Report problems of the input with {@link PassContext#emit}; an
     * error-level diagnostic fails the pipeline after this pass returns.
     */
    public abstract void run(Operation module, PassContext ctx);

    /**
     * The files this pass reads when it runs, named by its options (a target file, say), so that a command never
     * writes its output over one of them.
     */
    public List<Path> filesRead() { return List.of(); }

    /** The configured value of one of this pass's options, or its default. */
    public final <T> T option(PassOption<T> option) {
        requireDeclared(option);
        @SuppressWarnings("unchecked") T v = (T) configured.getOrDefault(option, option.defaultValue());
        return v;
    }

    /** Sets an option programmatically (tests, the CLI); the value must have the option's type. */
    public final <T> Pass configure(PassOption<T> option, T value) {
        requireDeclared(option);
        configured.put(option, option.cast(value, cliName()));
        return this;
    }

    /**
     * Sets an option from its textual form, as the pipeline parser does; a null value (a bare {@code name} in
     * the braces) means {@code true} for a bool option.
     */
    final void configure(String optionName, String rawValue) {
        PassOption<?> option = options().stream().filter(o -> o.name().equals(optionName)).findFirst()
                .orElseThrow(() -> new PipelineException(noSuchOption(optionName)));
        if (configured.containsKey(option)) {
            throw new PipelineException("option '" + optionName + "' of '" + cliName() + "' is given twice");
        }
        if (rawValue == null && option.kind() != PassOption.Kind.BOOL) {
            throw new PipelineException("option '" + optionName + "' of '" + cliName() + "' needs a value: "
                    + optionName + "=<" + option.kind().typeName() + ">");
        }
        configured.put(option, option.parse(rawValue == null ? "true" : rawValue, cliName()));
    }

    private String noSuchOption(String optionName) {
        String known = options().isEmpty() ? "" : " (options: "
                + String.join(", ", options().stream().map(PassOption::name).sorted().toList()) + ")";
        return "pass '" + cliName() + "' has no option '" + optionName + "'" + known;
    }

    private void requireDeclared(PassOption<?> option) {
        if (!options().contains(option)) {
            throw new IllegalArgumentException("pass '" + cliName() + "' does not declare option '" + option.name() + "'");
        }
    }

    /**
     * This pass as a pipeline element that parses back to the same configuration:
     * {@code xamba-cumba{max-len=1024}} (only explicitly set options are written).
     */
    public final String pipelineElement() {
        if (configured.isEmpty()) return cliName();
        StringBuilder sb = new StringBuilder(cliName()).append('{');
        boolean first = true;
        for (Map.Entry<PassOption<?>, Object> e : configured.entrySet()) {
            sb.append(first ? "" : " ").append(e.getKey().name()).append('=').append(quoteIfNeeded(format(e.getKey(), e.getValue())));
            first = false;
        }
        return sb.append('}').toString();
    }

    @SuppressWarnings("unchecked")
    private static <T> String format(PassOption<T> option, Object value) { return option.format((T) value); }

    private static String quoteIfNeeded(String v) {
        if (!v.isEmpty() && !v.matches(".*[\\s{}'\"].*")) return v;
        return v.contains("\"") ? "'" + v + "'" : "\"" + v + "\"";
    }

    @Override public String toString() { return pipelineElement(); }
}
