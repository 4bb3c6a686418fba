package dev.xamba.frontend.text;

import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.loc.Location;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Stops at the first syntax error with a diagnostic that says, in words, what was expected and what was found
 * ({@code expected ')' but found '{'}). ANTLR's recovery is never attempted: every reporting hook throws.
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {
    private final SourceFile src;

    SyntaxErrorStrategy(SourceFile src) { this.src = src; }

    @Override public void reportError(Parser parser, RecognitionException e) {
        Token found = e.getOffendingToken() != null ? e.getOffendingToken() : parser.getCurrentToken();
        IntervalSet expected = e.getExpectedTokens() != null ? e.getExpectedTokens() : parser.getExpectedTokens();
        throw error(parser, found, expected);
    }

    @Override public void recover(Parser parser, RecognitionException e) { reportError(parser, e); }

    @Override public Token recoverInline(Parser parser) {
        throw error(parser, parser.getCurrentToken(), parser.getExpectedTokens());
    }

    @Override protected void reportUnwantedToken(Parser parser) {
        throw error(parser, parser.getCurrentToken(), parser.getExpectedTokens());
    }

    @Override protected void reportMissingToken(Parser parser) {
        throw error(parser, parser.getCurrentToken(), parser.getExpectedTokens());
    }

    private RuntimeException error(Parser parser, Token found, IntervalSet expected) {
        String problem = TokenDescriptions.describeBadToken(found);
        if (problem == null) {
            problem = "expected " + TokenDescriptions.describeExpected(parser.getContext(), expected)
                    + " but found " + TokenDescriptions.describeFound(found);
        }
        return src.error(found, problem);
    }

    /** For the lexer, which cannot fail with a catch-all token, and as a safety net for the parser. */
    static final class ThrowingListener extends BaseErrorListener {
        private final SourceFile src;

        ThrowingListener(SourceFile src) { this.src = src; }

        @Override public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int col,
                                          String msg, RecognitionException e) {
            throw new DiagnosticException(Diagnostic.error(new Location.FileLineCol(src.name(), line, col + 1), "syntax error: " + msg));
        }
    }
}
