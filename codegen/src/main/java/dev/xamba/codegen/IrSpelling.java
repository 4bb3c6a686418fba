package dev.xamba.codegen;

import dev.xamba.ir.attr.ArrayAttr;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.attr.FloatAttr;
import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.type.TensorType;
import java.util.StringJoiner;

/** How values are spelled in IR v11 XML, following OpenVINO's serializer. */
final class IrSpelling {
    /** Written instead of an infinite float attribute: the reader's stream parsing cannot read "inf". */
    static final String FLOAT_MAX = "3.4028234663852886e+38";

    private IrSpelling() {}

    /**
     * A {@code <data>} attribute value: bools {@code true}/{@code false}, integers in decimal, floats in the shortest
     * form that reads back exactly, integer lists as {@code "1, 1"}, strings as they are. Null when the attribute
     * cannot be spelled (a NaN, a nested list); the caller reports it.
     */
    static String attribute(Attribute a) {
        if (a instanceof BoolAttr b) return b.value() ? "true" : "false";
        if (a instanceof IntegerAttr i) return Long.toString(i.value());
        if (a instanceof FloatAttr f) return number(f.value());
        if (a instanceof StringAttr s) return s.value();
        if (a instanceof ArrayAttr arr) {
            StringJoiner j = new StringJoiner(", ");
            for (Attribute e : arr.elements()) {
                if (!(e instanceof IntegerAttr || e instanceof FloatAttr)) return null;
                String s = attribute(e);
                if (s == null) return null;
                j.add(s);
            }
            return j.toString();
        }
        return null;
    }

    /** A double for a C++ stream to read back: {@code 1e-05}, {@code -1.5}, {@code 2}. */
    static String number(double v) {
        if (Double.isNaN(v)) return null;
        if (Double.isInfinite(v)) return v > 0 ? FLOAT_MAX : "-" + FLOAT_MAX;
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v).replace('E', 'e');
    }

    /** A Const's {@code shape}: dims joined by {@code ", "}; {@code ""} for a scalar. */
    static String constShape(TensorType t) {
        StringJoiner j = new StringJoiner(", ");
        for (long d : t.shape()) j.add(Long.toString(d));
        return j.toString();
    }

    /** A Parameter's {@code shape} (a partial shape): {@code 1,4}, {@code ?,4}; {@code ""} for a scalar. */
    static String partialShape(TensorType t) {
        StringJoiner j = new StringJoiner(",");
        for (long d : t.shape()) j.add(d == TensorType.DYNAMIC ? "?" : Long.toString(d));
        return j.toString();
    }

    /** A port's {@code names}: sorted, comma-separated, literal commas escaped as {@code \,}. */
    static String tensorNames(Iterable<String> names) {
        StringJoiner j = new StringJoiner(",");
        for (String n : names) j.add(n.replace(",", "\\,"));
        return j.toString();
    }

    /** XML attribute text with {@code & < > " '} and control characters escaped. */
    static String xmlEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c < 0x20) sb.append("&#").append((int) c).append(';');
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
