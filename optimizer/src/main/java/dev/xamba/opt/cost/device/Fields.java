package dev.xamba.opt.cost.device;

import dev.xamba.ir.loc.Quoting;
import dev.xamba.opt.cost.device.JsonText.Node;
import dev.xamba.opt.cost.device.JsonText.Num;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed access to the fields of a target file read by {@link JsonText}: every error is one line naming
 * {@code file:line:col}, the field's full path and what it must be
 * ({@code T.json:12:9: cpu.dram_gbps: expected a number from 0.001 to 1000000, got 1e-300}). A missing field is
 * reported at the object that lacks it.
 */
final class Fields {
    /** Values longer than this are shortened in messages (a 1000-digit number is still one readable line). */
    private static final int SHOWN_CHARS = 40;

    private final String origin;

    Fields(String origin) { this.origin = origin; }

    /** The members of {@code object}, a node already checked to be an object. */
    @SuppressWarnings("unchecked")
    Map<String, Node> members(Node object) { return (Map<String, Node>) object.value(); }

    Optional<Node> optional(Node object, String key) { return Optional.ofNullable(members(object).get(key)); }

    /** The object {@code parent.key}. */
    Node object(Node parent, String key) { return object(required(parent, key, "an object")); }

    Node object(Node n) {
        if (!(n.value() instanceof Map)) throw mismatch(n, "an object");
        return n;
    }

    String string(Node parent, String key) { return string(required(parent, key, "a string")); }

    String string(Node n) {
        if (!(n.value() instanceof String s)) throw mismatch(n, "a string");
        return s;
    }

    List<Node> array(Node parent, String key) {
        Node n = required(parent, key, "an array");
        if (!(n.value() instanceof List<?> elements)) throw mismatch(n, "an array");
        @SuppressWarnings("unchecked") List<Node> nodes = (List<Node>) elements;
        return nodes;
    }

    /** The number {@code parent.key}, in [min, max]. */
    double number(Node parent, String key, double min, double max) {
        return number(required(parent, key, range(min, max)), min, max);
    }

    double number(Node n, double min, double max) {
        // A literal beyond a double's range reads as infinity (or 0): out of range, never an overflow or NaN.
        double v = n.value() instanceof Num num ? num.value() : Double.NaN;
        if (!(v >= min && v <= max)) throw mismatch(n, range(min, max));
        return v;
    }

    /** The whole number {@code parent.key}, from 1 to max (0.5 bytes was read as 0, and every cost then infinite). */
    long whole(Node parent, String key, long max) {
        String expected = "a whole number from 1 to " + max;
        Node n = required(parent, key, expected);
        double v = n.value() instanceof Num num ? num.value() : Double.NaN;
        if (!(v >= 1 && v <= max) || v != Math.rint(v)) throw mismatch(n, expected);
        return (long) v;
    }

    /**
     * Refuses a field the schema does not have: a misspelt one ("efficency") would otherwise leave its default, a
     * cost model off by the factor it was meant to set, and no error.
     */
    void onlyKnown(Node object, String... known) {
        Set<String> names = Set.of(known);
        members(object).forEach((key, member) -> {
            if (!names.contains(key)) throw error(member, "unknown field (expected one of " + String.join(", ", known) + ")");
        });
    }

    /** An error at {@code n}, naming its path. */
    TargetFormatException error(Node n, String problem) {
        return TargetFormatException.at(origin, n.line(), n.column(), n.path(), problem);
    }

    /** The field {@code parent.key}; its absence is an error saying what was {@code expected}. */
    Node required(Node parent, String key, String expected) {
        Node n = members(parent).get(key);
        if (n == null) throw TargetFormatException.at(origin, parent.line(), parent.column(), parent.child(key), "expected " + expected + ", missing");
        return n;
    }

    private TargetFormatException mismatch(Node n, String expected) {
        return error(n, "expected " + expected + ", got " + shown(n));
    }

    private static String range(double min, double max) { return "a number from " + bound(min) + " to " + bound(max); }

    /** 0.001, 1000000, 1e9, 1e-9: a power of ten from 1e7 up or below 0.001 in exponent form, else plain. */
    static String bound(double v) {
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        boolean powerOfTen = d.unscaledValue().equals(BigInteger.ONE);
        return powerOfTen && (d.scale() <= -7 || d.scale() >= 4) ? "1e" + -d.scale() : d.toPlainString();
    }

    /** The value as it reads in the file, shortened; an object or array by its kind. */
    private static String shown(Node n) {
        Object v = n.value();
        String s = v instanceof Map ? "an object" : v instanceof List ? "an array" : v instanceof String str ? Quoting.quote(str)
                : v instanceof Num num ? num.literal() : String.valueOf(v);
        return s.length() <= SHOWN_CHARS ? s : s.substring(0, SHOWN_CHARS - 8) + "... (" + s.length() + " characters)";
    }
}
