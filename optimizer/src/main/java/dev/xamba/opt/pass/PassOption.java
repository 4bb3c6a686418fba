package dev.xamba.opt.pass;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One typed option of a pass, written {@code name=value} inside the pass's braces in a pipeline string
 * ({@code xamba-cumba{max-len=1024 enabled=true}}). Passes declare their options as constants and read the
 * configured value with {@link Pass#option(PassOption)}.
 *
 * @param <T> the Java type of the value: Integer, Long, Boolean, String, Double or {@code List<String>}
 */
public final class PassOption<T> {

    /** The value types an option can have; lists are written comma-separated: {@code axes=0,2}. */
    public enum Kind {
        INT("int", "an integer"), LONG("long", "an integer"), BOOL("bool", "true or false"),
        STRING("string", "a string"), DOUBLE("double", "a number"), LIST("list", "a comma-separated list");

        private final String typeName;
        private final String expectation;

        Kind(String typeName, String expectation) {
            this.typeName = typeName;
            this.expectation = expectation;
        }

        /** The spelling in help text: {@code <int>}. */
        public String typeName() { return typeName; }
    }

    private final String name;
    private final Kind kind;
    private final T defaultValue;
    private final String description;
    /** Smallest accepted value of a numeric option, or null for no bound. */
    private final Double minimum;
    /** Largest accepted value of a numeric option, or null for no bound. */
    private final Double maximum;
    /** What is wrong with a value its type accepts (a target name that names nothing), or null when nothing is. */
    private final Function<? super T, String> problem;

    private PassOption(String name, Kind kind, T defaultValue, String description) {
        this(name, kind, defaultValue, description, null, null, v -> null);
    }

    private PassOption(String name, Kind kind, T defaultValue, String description, Double minimum, Double maximum,
                       Function<? super T, String> problem) {
        if (!name.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("bad option name '" + name + "'");
        this.name = name;
        this.kind = kind;
        this.defaultValue = Objects.requireNonNull(defaultValue, "default of " + name);
        this.description = description;
        this.minimum = minimum;
        this.maximum = maximum;
        this.problem = problem;
    }

    /** The same option, rejecting values below {@code min}, and NaN (numeric kinds only). */
    public PassOption<T> atLeast(double min) {
        requireNumericDefaultWithin(min, maximum == null ? Double.POSITIVE_INFINITY : maximum);
        return new PassOption<>(name, kind, defaultValue, description, min, maximum, problem);
    }

    /** The same option, rejecting values above {@code max}, and NaN (numeric kinds only): a bound on the work it asks for. */
    public PassOption<T> atMost(double max) {
        requireNumericDefaultWithin(minimum == null ? Double.NEGATIVE_INFINITY : minimum, max);
        return new PassOption<>(name, kind, defaultValue, description, minimum, max, problem);
    }

    /**
     * The same option, rejecting a value for which {@code check} returns a problem (it returns null for a good
     * value): checked where the pipeline is parsed, so a misspelt value is a usage error rather than a pass that
     * quietly does nothing. The default is not checked.
     */
    public PassOption<T> checkedBy(Function<? super T, String> check) {
        return new PassOption<>(name, kind, defaultValue, description, minimum, maximum, check);
    }

    /** A check for {@link #checkedBy}: the value is one of {@code allowed} ("must be a, b or c, got 'x'"). */
    public static Function<String, String> oneOf(String... allowed) {
        List<String> ok = List.of(allowed);
        String spelled = ok.size() == 1 ? ok.get(0)
                : String.join(", ", ok.subList(0, ok.size() - 1)) + " or " + ok.get(ok.size() - 1);
        return v -> ok.contains(v) ? null : "must be " + spelled + ", got '" + v + "'";
    }

    private void requireNumericDefaultWithin(double min, double max) {
        if (kind != Kind.INT && kind != Kind.LONG && kind != Kind.DOUBLE) throw new IllegalStateException(name + " is not numeric");
        double d = ((Number) defaultValue).doubleValue();
        if (!(d >= min && d <= max)) throw new IllegalArgumentException("default of " + name + " is outside [" + min + ", " + max + "]");
    }

    public static PassOption<Integer> intOption(String name, int defaultValue, String description) {
        return new PassOption<>(name, Kind.INT, defaultValue, description);
    }

    public static PassOption<Long> longOption(String name, long defaultValue, String description) {
        return new PassOption<>(name, Kind.LONG, defaultValue, description);
    }

    public static PassOption<Boolean> boolOption(String name, boolean defaultValue, String description) {
        return new PassOption<>(name, Kind.BOOL, defaultValue, description);
    }

    public static PassOption<String> stringOption(String name, String defaultValue, String description) {
        return new PassOption<>(name, Kind.STRING, defaultValue, description);
    }

    public static PassOption<Double> doubleOption(String name, double defaultValue, String description) {
        return new PassOption<>(name, Kind.DOUBLE, defaultValue, description);
    }

    public static PassOption<List<String>> listOption(String name, List<String> defaultValue, String description) {
        return new PassOption<>(name, Kind.LIST, List.copyOf(defaultValue), description);
    }

    public String name() { return name; }

    public Kind kind() { return kind; }

    public T defaultValue() { return defaultValue; }

    public String description() { return description; }

    /**
     * Reads a value as written in a pipeline string; a wrong spelling throws a {@link PipelineException} such as
     * {@code option 'max-len' of 'xamba-cumba' expects an integer, got 'abc'}.
     */
    public T parse(String raw, String passName) {
        try {
            Object v = switch (kind) {
                case INT -> Integer.parseInt(raw.trim());
                case LONG -> Long.parseLong(raw.trim());
                case DOUBLE -> parseDouble(raw.trim());
                case BOOL -> parseBool(raw.trim());
                case STRING -> raw;
                case LIST -> parseList(raw);
            };
            return checkBound(v, passName);
        } catch (NumberFormatException e) {
            throw new PipelineException("option '" + name + "' of '" + passName + "' expects " + kind.expectation
                    + ", got '" + raw + "'");
        }
    }

    /** Checks a value given programmatically and returns it typed. */
    T cast(Object value, String passName) {
        boolean ok = switch (kind) {
            case INT -> value instanceof Integer;
            case LONG -> value instanceof Long;
            case BOOL -> value instanceof Boolean;
            case STRING -> value instanceof String;
            case DOUBLE -> value instanceof Double;
            case LIST -> value instanceof List<?> l && l.stream().allMatch(String.class::isInstance);
        };
        if (!ok) throw new PipelineException("option '" + name + "' of '" + passName + "' expects " + kind.expectation + ", got " + value);
        return checkBound(kind == Kind.LIST ? List.copyOf((List<?>) value) : value, passName);
    }

    private T checkBound(Object value, String passName) {
        // Written as !(v >= bound): NaN is within no bound.
        if (minimum != null && !(((Number) value).doubleValue() >= minimum)) {
            throw new PipelineException("option '" + name + "' of '" + passName + "' must be at least " + spell(minimum) + ", got " + value);
        }
        if (maximum != null && !(((Number) value).doubleValue() <= maximum)) {
            throw new PipelineException("option '" + name + "' of '" + passName + "' must be at most " + spell(maximum) + ", got " + value);
        }
        @SuppressWarnings("unchecked") T t = (T) value;
        String wrong = problem.apply(t);
        if (wrong != null) throw new PipelineException("option '" + name + "' of '" + passName + "': " + wrong);
        return t;
    }

    private String spell(double bound) {
        return kind == Kind.DOUBLE ? Double.toString(bound) : Long.toString((long) bound);
    }

    /** The spelling {@link #parse} reads back. */
    public String format(T value) {
        if (value instanceof List<?> l) return String.join(",", l.stream().map(String::valueOf).toList());
        if (value instanceof Double d && !Double.isFinite(d)) return d.isNaN() ? "nan" : d > 0 ? "inf" : "-inf"; // not "Infinity"
        return String.valueOf(value);
    }

    private static double parseDouble(String s) {
        // Double.parseDouble also takes "1d" and "0x1p3"; a pipeline number should look like a number.
        if (!s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|[-+]?(inf|nan)")) throw new NumberFormatException(s);
        return switch (s.replace("+", "")) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan", "-nan" -> Double.NaN;
            default -> Double.parseDouble(s);
        };
    }

    private static boolean parseBool(String s) {
        return switch (s) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new NumberFormatException(s);
        };
    }

    private static List<String> parseList(String raw) {
        List<String> items = new ArrayList<>();
        if (raw.isBlank()) return List.of();
        for (String item : raw.split(",", -1)) items.add(item.trim());
        return List.copyOf(items);
    }

    @Override public String toString() { return name + "=<" + kind.typeName + ">"; }
}
