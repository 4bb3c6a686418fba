package dev.xamba.opt.cost.device;

import dev.xamba.ir.loc.Quoting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict JSON (RFC 8259) read into a tree that remembers where each field is written, so that every error in a
 * target file can name {@code file:line:col} and the field's full path. gson's tree could not: it has no
 * positions, keeps the last of a repeated key without a word, and its reader refuses a valid number longer than
 * its 1024-character buffer as "malformed JSON".
 */
final class JsonText {
    /** A target file nests four deep; the bound keeps the recursion far from the stack's end on hostile input. */
    static final int MAX_DEPTH = 64;

    /** JSON's {@code null}. */
    static final Object NULL = new Object() {
        @Override public String toString() { return "null"; }
    };

    /** A number as written: its range and whether it is whole are the schema's to check. */
    record Num(String literal) {
        /** The nearest double; a literal beyond a double's range reads as infinity or 0, never fails. */
        double value() { return Double.parseDouble(literal); }
    }

    /**
     * A value and where it is: {@code value} is a {@code Map<String, Node>} (in file order), a {@code List<Node>}, a
     * {@code String}, a {@link Num}, a {@code Boolean} or {@link #NULL}; {@code path} is the field's JSON path
     * ({@code cpu.families.MatMul}, {@code shave.single_shave_kernels[0]}, empty for the whole file); {@code line}
     * and {@code column} (from 1, columns in UTF-16 units) are where the member's name starts, or the value for an
     * array element and the whole file.
     */
    record Node(Object value, String path, int line, int column) {
        String child(String key) { return JsonText.child(path, key); }
    }

    static String child(String path, String key) { return path.isEmpty() ? key : path + "." + key; }

    private final String text;
    private final String origin;
    private int pos;
    private int line = 1;
    private int lineStart;

    private JsonText(String text, String origin) {
        this.text = text;
        this.origin = origin;
    }

    /** The one value of {@code text}; a syntax error is a {@link TargetFormatException} at its line and column. */
    static Node parse(String text, String origin) {
        JsonText p = new JsonText(text, origin);
        if (text.startsWith("\uFEFF")) p.pos = p.lineStart = 1; // a byte order mark is not part of the JSON
        p.skipWhitespace();
        int line = p.line, column = p.column();
        Node root = new Node(p.value("", 0), "", line, column);
        p.skipWhitespace();
        if (p.pos < text.length()) throw p.syntaxError("more text after the JSON value (a target file is one object)");
        return root;
    }

    private Object value(String path, int depth) {
        if (depth > MAX_DEPTH) throw syntaxError("nested more than " + MAX_DEPTH + " deep");
        if (pos == text.length()) throw syntaxError("the text ends where a value should be");
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(path, depth);
            case '[' -> array(path, depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield number();
                throw syntaxError("expected a value, got " + shown(c));
            }
        };
    }

    private Map<String, Node> object(String path, int depth) {
        pos++; // {
        Map<String, Node> members = new LinkedHashMap<>();
        skipWhitespace();
        if (consume('}')) return members;
        while (true) {
            if (!at('"')) throw syntaxError("expected a field name in double quotes, got " + shownHere());
            int keyLine = line, keyColumn = column();
            String key = string();
            String childPath = child(path, key);
            Node first = members.get(key);
            if (first != null) {
                // Valid JSON, but readers disagree on which value counts (gson took the last): refused.
                throw TargetFormatException.at(origin, keyLine, keyColumn, childPath,
                        "given twice (first at line " + first.line() + ", column " + first.column() + ")");
            }
            skipWhitespace();
            expect(':', "':'");
            skipWhitespace();
            members.put(key, new Node(value(childPath, depth + 1), childPath, keyLine, keyColumn));
            skipWhitespace();
            if (consume('}')) return members;
            expect(',', "',' or '}'");
            skipWhitespace();
        }
    }

    private List<Node> array(String path, int depth) {
        pos++; // [
        List<Node> elements = new ArrayList<>();
        skipWhitespace();
        if (consume(']')) return elements;
        while (true) {
            String childPath = path + "[" + elements.size() + "]";
            int valueLine = line, valueColumn = column();
            elements.add(new Node(value(childPath, depth + 1), childPath, valueLine, valueColumn));
            skipWhitespace();
            if (consume(']')) return elements;
            expect(',', "',' or ']'");
            skipWhitespace();
        }
    }

    private String string() {
        pos++; // "
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos == text.length()) throw syntaxError("the text ends inside a string");
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return b.toString();
            }
            if (c < 0x20) throw syntaxError("a control character (" + shown(c) + ") in a string must be escaped");
            if (c != '\\') {
                b.append(c);
                pos++;
                continue;
            }
            if (pos + 1 == text.length()) throw syntaxError("the text ends inside a string");
            char e = text.charAt(pos + 1);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    int unit = 0;
                    for (int i = pos + 2; i < pos + 6; i++) {
                        int digit = i < text.length() ? hexDigit(text.charAt(i)) : -1;
                        if (digit < 0) throw syntaxError("\\u must be followed by four hexadecimal digits");
                        unit = unit * 16 + digit;
                    }
                    b.append((char) unit);
                    pos += 4;
                }
                default -> throw syntaxError("unknown escape \\" + Quoting.printable(String.valueOf(e)));
            }
            pos += 2;
        }
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?, any length (the schema bounds the value). */
    private Num number() {
        int start = pos;
        if (text.charAt(pos) == '-') pos++;
        if (at('0')) pos++;
        else digits("a digit");
        if (at('.')) {
            pos++;
            digits("a digit after the decimal point");
        }
        if (at('e') || at('E')) {
            pos++;
            if (at('+') || at('-')) pos++;
            digits("a digit in the exponent");
        }
        return new Num(text.substring(start, pos));
    }

    private void digits(String what) {
        if (!atDigit()) throw syntaxError("expected " + what + ", got " + shownHere());
        while (atDigit()) pos++;
    }

    private boolean atDigit() { return pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9'; }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) throw syntaxError("expected a value, got " + shownHere());
        pos += word.length();
        return value;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** Consumes {@code c} if it is next. */
    private boolean consume(char c) {
        if (!at(c)) return false;
        pos++;
        return true;
    }

    private boolean at(char c) { return pos < text.length() && text.charAt(pos) == c; }

    private void expect(char c, String expected) {
        if (!consume(c)) throw syntaxError("expected " + expected + ", got " + shownHere());
    }

    private int column() { return pos - lineStart + 1; }

    private String shownHere() { return pos == text.length() ? "the end of the text" : shown(text.charAt(pos)); }

    private static String shown(char c) { return "'" + Quoting.printable(String.valueOf(c)) + "'"; }

    private TargetFormatException syntaxError(String message) {
        return new TargetFormatException(origin + ":" + line + ":" + column() + ": not valid JSON: " + message);
    }
}
