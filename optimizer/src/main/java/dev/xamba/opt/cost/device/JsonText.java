package dev.xamba.opt.cost.device;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.xamba.ir.loc.Quoting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Strict JSON (RFC 8259), read by jackson-core's streaming parser into a tree that remembers where each field is
 * written, so that every error in a target file can name {@code file:line:col} and the field's full path. gson's
 * tree could not: it has no positions, keeps the last of a repeated key without a word, and its reader refuses a
 * valid number longer than its 1024-character buffer as "malformed JSON".
 */
final class JsonText {
    /** A target file nests four deep; the bound keeps the tree's recursion far from the stack's end on hostile input. */
    static final int MAX_DEPTH = 64;

    /**
     * Jackson's defaults are strict JSON (no comments, single quotes, trailing commas, NaN or leading zeros). Added:
     * objects and arrays nest at most {@link #MAX_DEPTH} deep, and a number may be as long as a target file (Jackson
     * stops at 1000 digits; the schema bounds the value, and it is read with {@link Double#parseDouble}, never as a
     * BigDecimal). A repeated key is refused by {@link #object}, where both places are known.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH).maxNumberLength((int) Targets.MAX_FILE_BYTES).build())
            .build();

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

    private final String json;
    private final String origin;
    private final JsonParser parser;

    private JsonText(String json, String origin, JsonParser parser) {
        this.json = json;
        this.origin = origin;
        this.parser = parser;
    }

    /** The one value of {@code text}; a syntax error is a {@link TargetFormatException} at its line and column. */
    static Node parse(String text, String origin) {
        String json = text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte order mark is not part of the JSON
        try (JsonParser parser = JSON.createParser(json)) {
            return new JsonText(json, origin, parser).root();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // closing a parser of a String does no I/O
        }
    }

    private Node root() throws IOException {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) throw syntaxError(parser.currentLocation(), "the text ends where a value should be");
            JsonLocation at = parser.currentTokenLocation();
            Node root = new Node(value(first, ""), "", at.getLineNr(), at.getColumnNr());
            rejectMoreText(parser.currentLocation());
            return root;
        } catch (JsonProcessingException e) {
            if (parser.getParsingContext().getNestingDepth() > MAX_DEPTH) {
                throw syntaxError(parser.currentTokenLocation(), "nested more than " + MAX_DEPTH + " deep");
            }
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            // Jackson locates a control character between tokens just after it.
            int after = e.getOriginalMessage().contains("): only regular white space") && at.getColumnNr() > 1 ? 1 : 0;
            throw syntaxError(at.getLineNr(), at.getColumnNr() - after, problem(e.getOriginalMessage()));
        }
    }

    private Object value(JsonToken token, String path) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(path);
            case START_ARRAY -> array(path);
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Num(parser.getText());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> NULL;
            // The parser returns a value here or throws; the rest are tokens of other places or of other sources.
            default -> throw new IllegalStateException("JSON parser returned " + token + " where a value should be");
        };
    }

    /**
     * The members of an object. A repeated name is valid JSON, but readers disagree on which value counts (gson took
     * the last): refused, at the repeated name, saying where the first is.
     */
    private Map<String, Node> object(String path) throws IOException {
        Map<String, Node> members = new LinkedHashMap<>();
        while (parser.nextToken() != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            JsonLocation at = parser.currentTokenLocation();
            String childPath = child(path, key);
            Node first = members.get(key);
            if (first != null) {
                throw TargetFormatException.at(origin, at.getLineNr(), at.getColumnNr(), childPath,
                        "given twice (first at line " + first.line() + ", column " + first.column() + ")");
            }
            members.put(key, new Node(value(parser.nextToken(), childPath), childPath, at.getLineNr(), at.getColumnNr()));
        }
        return members;
    }

    private List<Node> array(String path) throws IOException {
        List<Node> elements = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            String childPath = path + "[" + elements.size() + "]";
            JsonLocation at = parser.currentTokenLocation();
            elements.add(new Node(value(t, childPath), childPath, at.getLineNr(), at.getColumnNr()));
        }
        return elements;
    }

    /**
     * Only white space may follow the value (Jackson would read a second value as the next one). {@code end} is just
     * after the value; lines end as Jackson ends them, at LF, CR LF or CR.
     */
    private void rejectMoreText(JsonLocation end) {
        int line = end.getLineNr(), column = end.getColumnNr();
        for (int i = (int) end.getCharOffset(); i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == json.length() || json.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                column++;
            } else {
                throw syntaxError(line, column, "more text after the JSON value (a target file is one object)");
            }
        }
    }

    /** Jackson's wording, compiled only for a file with an error (a compile reads a target file on every start). */
    private static final class Wording {
        /** Where a construct started: "[Source: REDACTED (`StreamReadFeature...` disabled); line: 1, column: 1]". */
        static final Pattern SOURCE = Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+)(?:, column: (\\d+))?]");
        /** How to make Jackson accept what is not JSON, or where a limit is set: Jackson's settings, not the user's. */
        static final Pattern SETTING = Pattern.compile(
                ": enable `[^`]*` to allow| \\(not recognized as one since Feature '[^']*' not enabled for parser\\)|, from `[^`]*`");
    }

    /** Jackson's message in this reader's words: one line, no Jackson names, lower case as the rest of the message. */
    static String problem(String jackson) {
        String m = Wording.SOURCE.matcher(jackson).replaceAll(r -> "line " + r.group(1) + (r.group(2) == null ? "" : ", column " + r.group(2)));
        m = Wording.SETTING.matcher(m).replaceAll("");
        if (m.length() > 1 && Character.isUpperCase(m.charAt(0)) && Character.isLowerCase(m.charAt(1))) {
            m = Character.toLowerCase(m.charAt(0)) + m.substring(1);
        }
        return Quoting.printable(m);
    }

    private TargetFormatException syntaxError(JsonLocation at, String problem) {
        return syntaxError(at.getLineNr(), at.getColumnNr(), problem);
    }

    private TargetFormatException syntaxError(int line, int column, String problem) {
        return new TargetFormatException(origin + ":" + line + ":" + column + ": not valid JSON: " + problem);
    }
}
