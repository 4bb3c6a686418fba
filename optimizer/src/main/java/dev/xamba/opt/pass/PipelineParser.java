package dev.xamba.opt.pass;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads MLIR-style pipeline strings: passes separated by commas, each optionally followed by options in braces
 * separated by spaces, e.g. {@code canonicalize,cse,xamba-cumba{max-len=1024 enabled=true}}. A bare option
 * name sets a bool option to true; values with spaces or braces are quoted ({@code name="a b"}). Every problem
 * is a {@link PipelineException} with a one-line message.
 */
public final class PipelineParser {
    private final String text;
    private final PassRegistry registry;
    private int pos;

    private PipelineParser(String text, PassRegistry registry) {
        this.text = text;
        this.registry = registry;
    }

    /** Fresh, configured pass instances for {@code pipeline}; an empty or blank string gives no passes. */
    public static List<Pass> parse(String pipeline, PassRegistry registry) {
        return new PipelineParser(pipeline, registry).parsePipeline();
    }

    private List<Pass> parsePipeline() {
        List<Pass> passes = new ArrayList<>();
        skipSpaces();
        if (atEnd()) return passes;
        while (true) {
            passes.add(parseElement());
            skipSpaces();
            if (atEnd()) return passes;
            char c = peek();
            if (c == ',') {
                pos++;
                skipSpaces();
                if (atEnd()) throw error("expected a pass name after ','");
            } else if (c == '}') {
                throw unexpectedClosingBrace();
            } else {
                throw error("expected ',' between passes, got '" + c + "'");
            }
        }
    }

    private Pass parseElement() {
        int start = pos;
        while (!atEnd() && isNameChar(peek())) pos++;
        if (pos == start) {
            if (peek() == '}') throw unexpectedClosingBrace();
            throw error("expected a pass name, got '" + peek() + "'");
        }
        String name = text.substring(start, pos);
        Pass pass = registry.create(name).orElseThrow(() -> new PipelineException(
                "unknown pass '" + name + "' (known passes: " + String.join(", ", registry.names()) + ")"));
        skipSpaces();
        if (!atEnd() && peek() == '{') parseOptions(pass);
        return pass;
    }

    private void parseOptions(Pass pass) {
        int open = pos++;
        while (true) {
            skipSpaces();
            if (atEnd()) {
                throw new PipelineException("unbalanced braces: '{' at column " + (open + 1) + " is never closed in '" + text + "'");
            }
            if (peek() == '}') {
                pos++;
                return;
            }
            int start = pos;
            while (!atEnd() && isNameChar(peek())) pos++;
            if (pos == start) {
                throw error("expected an option name in the braces of '" + pass.cliName() + "', got '" + peek() + "'");
            }
            String key = text.substring(start, pos);
            String value = null;
            if (!atEnd() && peek() == '=') {
                pos++;
                value = parseValue(key);
            }
            pass.configure(key, value);
        }
    }

    private String parseValue(String key) {
        if (atEnd()) return "";
        char q = peek();
        if (q == '"' || q == '\'') {
            int close = text.indexOf(q, pos + 1);
            if (close < 0) throw error("unterminated quote in the value of option '" + key + "'");
            String v = text.substring(pos + 1, close);
            pos = close + 1;
            return v;
        }
        int start = pos;
        while (!atEnd() && !Character.isWhitespace(peek()) && peek() != '}') {
            if (peek() == '{') throw error("unbalanced braces: unexpected '{' in the value of option '" + key + "' (quote the value)");
            pos++;
        }
        return text.substring(start, pos);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
    }

    private boolean atEnd() { return pos >= text.length(); }

    private char peek() { return text.charAt(pos); }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(peek())) pos++;
    }

    private PipelineException unexpectedClosingBrace() {
        return new PipelineException("unbalanced braces: unexpected '}' at column " + (pos + 1) + " in '" + text + "'");
    }

    private PipelineException error(String message) {
        return new PipelineException(message + " at column " + (pos + 1) + " in '" + text + "'");
    }
}
