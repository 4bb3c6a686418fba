package dev.xamba.ir.io;

import dev.xamba.ir.type.ElementType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The header of a NumPy {@code .npy} array: a Python dict literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (1, 16), }}. Parses only what NumPy writes (strings,
 * booleans, tuples of integers) and rejects anything else with a message.
 */
record NpyHeader(ElementType elementType, long[] shape) {

    /** Supported dtype descriptors and their element types ('<' little-endian, '|' byte-sized). */
    private static final Map<String, ElementType> DTYPES = new LinkedHashMap<>();

    static {
        DTYPES.put("<f4", ElementType.F32);
        DTYPES.put("<f8", ElementType.F64);
        DTYPES.put("<f2", ElementType.F16);
        DTYPES.put("<i8", ElementType.I64);
        DTYPES.put("<i4", ElementType.I32);
        DTYPES.put("<i2", ElementType.I16);
        DTYPES.put("|i1", ElementType.I8);
        DTYPES.put("|u1", ElementType.U8);
        DTYPES.put("|b1", ElementType.I1);
    }

    /** The descriptor NumPy writes for an element type, or null if .npy cannot hold it (bf16). */
    static String descr(ElementType et) {
        for (Map.Entry<String, ElementType> e : DTYPES.entrySet()) if (e.getValue() == et) return e.getKey();
        return null;
    }

    /** The header text NumPy would write, without padding. */
    String format() {
        StringBuilder sb = new StringBuilder("{'descr': '").append(descr(elementType)).append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) sb.append(i > 0 ? ", " : "").append(shape[i]);
        return sb.append(shape.length == 1 ? ",), }" : "), }").toString();
    }

    /** Parses a header; throws {@link IllegalArgumentException} with a one-line reason. */
    static NpyHeader parse(String text) {
        Map<String, Object> dict = new Parser(text).dict();
        for (String key : new String[] {"descr", "fortran_order", "shape"}) {
            if (!dict.containsKey(key)) throw new IllegalArgumentException("header has no '" + key + "' entry");
        }
        if (!(dict.get("descr") instanceof String descr)) throw new IllegalArgumentException("'descr' is not a string (structured dtypes are not supported)");
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) throw new IllegalArgumentException("'fortran_order' is not True or False");
        if (fortran) throw new IllegalArgumentException("Fortran-order (column-major) arrays are not supported; save with C order");
        if (!(dict.get("shape") instanceof long[] shape)) throw new IllegalArgumentException("'shape' is not a tuple of integers");
        return new NpyHeader(elementType(descr), shape);
    }

    private static ElementType elementType(String descr) {
        String d = descr;
        if (d.length() == 3 && d.charAt(2) == '1' && d.charAt(0) == '<') d = "|" + d.substring(1); // byte order is moot for 1 byte
        ElementType et = DTYPES.get(d);
        if (et != null) return et;
        if (descr.startsWith(">")) throw new IllegalArgumentException("big-endian dtype '" + descr + "' is not supported");
        throw new IllegalArgumentException("unsupported dtype '" + descr + "' (supported: " + String.join(", ", DTYPES.keySet()) + ")");
    }

    @Override public boolean equals(Object o) {
        return o instanceof NpyHeader h && h.elementType == elementType && Arrays.equals(h.shape, shape);
    }

    @Override public int hashCode() { return elementType.hashCode() * 31 + Arrays.hashCode(shape); }

    @Override public String toString() { return format(); }

    /** A recursive-descent reader of the dict literal subset. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) { this.s = s; }

        Map<String, Object> dict() {
            expect('{');
            Map<String, Object> m = new LinkedHashMap<>();
            while (peek() != '}') {
                String key = string();
                expect(':');
                if (m.put(key, value()) != null) throw error("repeated key '" + key + "'");
                if (peek() == ',') pos++;
                else if (peek() != '}') throw error("expected ',' or '}'");
            }
            pos++;
            if (peek() != 0) throw error("unexpected text after the dict");
            return m;
        }

        private Object value() {
            char c = peek();
            if (c == '\'' || c == '"') return string();
            if (c == '(') return tuple();
            if (s.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            throw error("unsupported value");
        }

        private long[] tuple() {
            expect('(');
            long[] items = new long[0];
            while (peek() != ')') {
                int start = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
                if (start == pos) throw error("expected a non-negative integer in the shape");
                long v;
                try {
                    v = Long.parseLong(s.substring(start, pos));
                } catch (NumberFormatException e) {
                    String digits = s.substring(start, pos);
                    pos = start;
                    throw error("shape entry " + digits + " is too large");
                }
                if (pos < s.length() && s.charAt(pos) == 'L') pos++; // Python 2 long suffix
                if (items.length >= 64) throw error("shape has more than 64 dims");
                items = Arrays.copyOf(items, items.length + 1);
                items[items.length - 1] = v;
                if (peek() == ',') pos++;
                else if (peek() != ')') throw error("expected ',' or ')'");
            }
            pos++;
            return items;
        }

        private String string() {
            char q = peek();
            if (q != '\'' && q != '"') throw error("expected a quoted string");
            int end = s.indexOf(q, ++pos);
            if (end < 0) throw error("unterminated string");
            String r = s.substring(pos, end);
            pos = end + 1;
            return r;
        }

        private void expect(char c) {
            if (peek() != c) throw error("expected '" + c + "'");
            pos++;
        }

        /** The next non-blank character (0 at the end), leaving the position on it. */
        private char peek() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
            return pos < s.length() ? s.charAt(pos) : 0;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("malformed header: " + what + " at column " + (pos + 1));
        }
    }
}
