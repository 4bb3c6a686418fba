package dev.xamba.frontend.text;

import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.loc.Location;
import org.antlr.v4.runtime.Token;

/** The file being parsed: turns tokens into 1-based {@code file:line:col} positions and errors there. */
final class SourceFile {
    private final String name;

    SourceFile(String name) { this.name = name; }

    String name() { return name; }

    Location.FileLineCol at(Token t) { return at(t, 0); }

    /** A position {@code offset} characters into a token; tokens never span lines. */
    Location.FileLineCol at(Token t, int offset) {
        return new Location.FileLineCol(name, t.getLine(), t.getCharPositionInLine() + 1 + offset);
    }

    DiagnosticException error(Token t, String message) { return error(t, 0, message); }

    DiagnosticException error(Token t, int offset, String message) {
        return new DiagnosticException(Diagnostic.error(at(t, offset), message));
    }

    /** An error with a note pointing at a related earlier token, e.g. a first definition. */
    DiagnosticException error(Token t, String message, Token related, String note) {
        return new DiagnosticException(Diagnostic.error(at(t), message).withNote(at(related), note));
    }
}
