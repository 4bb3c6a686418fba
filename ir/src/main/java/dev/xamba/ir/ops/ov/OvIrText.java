package dev.xamba.ir.ops.ov;

import dev.xamba.ir.attr.ArrayAttr;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.attr.FloatAttr;
import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * How values are spelled in the attributes of OpenVINO IR XML, both ways: the writer formats {@code <data>}
 * values, shapes and tensor names with it, the IR reader parses them back, so the two cannot drift apart.
 * Formatting follows OpenVINO's serializer; parsing also accepts what OpenVINO's own reader accepts
 * ({@code 1,1} besides {@code 1, 1}, {@code inf}, booleans as {@code 1}/{@code 0}).
 */
public final class OvIrText {
    /** Written instead of an infinite float attribute: the reader's stream parsing cannot read "inf". */
    public static final String FLOAT_MAX = "3.4028234663852886e+38";

    private OvIrText() {}

    /**
     * A {@code <data>} attribute value: bools {@code true}/{@code false}, integers in decimal, floats in the shortest
     * form that reads back exactly, integer lists as {@code "1, 1"}, strings as they are. Null when the attribute
     * cannot be spelled (a NaN, a nested list); the caller reports it.
     */
    public static String format(Attribute a) {
        if (a instanceof BoolAttr b) return b.value() ? "true" : "false";
        if (a instanceof IntegerAttr i) return Long.toString(i.value());
        if (a instanceof FloatAttr f) return number(f.value());
        if (a instanceof StringAttr s) return s.value();
        if (a instanceof ArrayAttr arr) {
            StringJoiner j = new StringJoiner(", ");
            for (Attribute e : arr.elements()) {
                if (!(e instanceof IntegerAttr || e instanceof FloatAttr)) return null;
                String s = format(e);
                if (s == null) return null;
                j.add(s);
            }
            return j.toString();
        }
        return null;
    }

    /** A double for a C++ stream to read back: {@code 1e-05}, {@code -1.5}, {@code 2}. */
    public static String number(double v) {
        if (Double.isNaN(v)) return null;
        // the largest f32 is spelled the same, so that reading FLOAT_MAX back and writing it again is stable
        if (Double.isInfinite(v) || Math.abs(v) == Float.MAX_VALUE) return v > 0 ? FLOAT_MAX : "-" + FLOAT_MAX;
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v).replace('E', 'e');
    }

    /**
     * The attribute of {@code kind} that {@code text} spells, the inverse of {@link #format} (floats become f64,
     * integers i64, arrays i64 lists, as the {@code ov} dialect declares them).
     *
     * @throws IllegalArgumentException saying what was expected, when {@code text} does not spell a {@code kind}
     */
    public static Attribute parse(String text, AttrSpec.Kind kind) {
        return switch (kind) {
            case BOOL -> BoolAttr.of(parseBool(text));
            case INT -> IntegerAttr.i64(parseLong(text.trim(), "an integer"));
            case FLOAT -> new FloatAttr(parseDouble(text.trim()), ElementType.F64);
            case STRING -> new StringAttr(text);
            case ARRAY -> ArrayAttr.ofLongs(parseLongs(text));
            case TYPE, ELEMENTS -> throw new IllegalArgumentException("expected " + kind.describe() + ", which IR XML cannot spell");
        };
    }

    /** {@code true}/{@code false}/{@code 1}/{@code 0}, any case (OpenVINO's reader accepts these). */
    static boolean parseBool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got \"" + text + "\"");
        };
    }

    /** A comma-separated integer list ({@code "1, 1"} or {@code "1,1"}); {@code ""} is the empty list. */
    public static long[] parseLongs(String text) {
        if (text.isBlank()) return new long[0];
        String[] parts = text.split(",", -1);
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = parseLong(parts[i].trim(), "a comma-separated list of integers");
        return out;
    }

    private static long parseLong(String s, String expected) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected " + expected + ", got \"" + s + "\"");
        }
    }

    /** A decimal or exponent number; also {@code inf}/{@code -inf}, which OpenVINO's converter writes for Clamp. */
    private static double parseDouble(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "inf", "+inf", "infinity" -> { return Double.POSITIVE_INFINITY; }
            case "-inf", "-infinity" -> { return Double.NEGATIVE_INFINITY; }
            default -> { }
        }
        // Double.parseDouble also takes "NaN", hex floats and a trailing 'f'/'d': none of which IR XML holds
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new IllegalArgumentException("expected a number, got \"" + s + "\"");
        }
        return Double.parseDouble(s);
    }

    /** A Const's {@code shape}: dims joined by {@code ", "}; {@code ""} for a scalar. */
    public static String constShape(TensorType t) {
        StringJoiner j = new StringJoiner(", ");
        for (long d : t.shape()) j.add(Long.toString(d));
        return j.toString();
    }

    /** A Parameter's {@code shape} (a partial shape): {@code 1,4}, {@code ?,4}; {@code ""} for a scalar. */
    public static String partialShape(TensorType t) {
        StringJoiner j = new StringJoiner(",");
        for (long d : t.shape()) j.add(d == TensorType.DYNAMIC ? "?" : Long.toString(d));
        return j.toString();
    }

    /**
     * The dims of a partial shape, {@link TensorType#DYNAMIC} for {@code ?}, {@code -1} and intervals
     * ({@code 1..8}: xamba keeps no bounds).
     *
     * @throws IllegalArgumentException for a dynamic rank ({@code ...}) or a malformed dim
     */
    public static long[] parsePartialShape(String text) {
        String s = text.trim();
        if (s.isEmpty() || s.equals("[]")) return new long[0];
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        if (s.trim().equals("...")) throw new IllegalArgumentException("a dynamic rank ('...') is not supported");
        String[] parts = s.split(",", -1);
        long[] dims = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String d = parts[i].trim();
            if (d.equals("?") || d.equals("-1") || d.contains("..")) {
                dims[i] = TensorType.DYNAMIC;
                continue;
            }
            dims[i] = parseLong(d, "a dimension ('?', '-1', 'a..b' or a number)");
            if (dims[i] < 0) throw new IllegalArgumentException("dimension " + d + " is negative");
        }
        return dims;
    }

    /** A port's {@code names}: sorted, comma-separated, literal commas escaped as {@code \,}. */
    public static String tensorNames(Iterable<String> names) {
        StringJoiner j = new StringJoiner(",");
        for (String n : names) j.add(n.replace(",", "\\,"));
        return j.toString();
    }

    /** The names of a port's {@code names} attribute, the inverse of {@link #tensorNames}. */
    public static List<String> parseTensorNames(String text) {
        List<String> names = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == ',') {
                cur.append(',');
                i++;
            } else if (c == ',') {
                if (!cur.isEmpty()) names.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) names.add(cur.toString());
        return names;
    }
}
