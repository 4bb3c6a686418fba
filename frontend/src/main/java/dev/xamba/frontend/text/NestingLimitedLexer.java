package dev.xamba.frontend.text;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;

/**
 * The generated lexer, refusing brackets nested deeper than {@link #MAX_DEPTH}. Nested lists, arrays, fused
 * locations and function types are the only recursive rules, so this bound keeps the parser and the builder
 * (which recurse on them) far from a stack overflow on hostile input. Real IR nests a few levels deep
 * (dense lists go one level per tensor dimension).
 */
final class NestingLimitedLexer extends XambaIrLexer {
    static final int MAX_DEPTH = 64;

    private final SourceFile src;
    private int depth;

    NestingLimitedLexer(CharStream input, SourceFile src) {
        super(input);
        this.src = src;
    }

    @Override public Token nextToken() {
        Token t = super.nextToken();
        int type = t.getType();
        if (type == LPAREN || type == LBRACKET) {
            if (++depth > MAX_DEPTH) throw src.error(t, "brackets nested more than " + MAX_DEPTH + " deep");
        } else if (type == RPAREN || type == RBRACKET) {
            depth = Math.max(0, depth - 1);
        }
        return t;
    }
}
