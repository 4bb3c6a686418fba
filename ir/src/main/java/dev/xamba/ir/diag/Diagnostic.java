package dev.xamba.ir.diag;

import dev.xamba.ir.loc.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * One message about the IR or its input, with the location it is about and optional notes at related
 * locations. Rendered as {@code file:line:col: error: message}, one line each, notes on the following lines.
 */
public record Diagnostic(Severity severity, Location location, String message, List<Diagnostic> notes) {

    public Diagnostic {
        notes = List.copyOf(notes);
    }

    public static Diagnostic error(Location location, String message) {
        return new Diagnostic(Severity.ERROR, location, message, List.of());
    }

    public Diagnostic withNote(Location at, String message) {
        List<Diagnostic> more = new ArrayList<>(notes);
        more.add(new Diagnostic(Severity.NOTE, at, message, List.of()));
        return new Diagnostic(severity, location, message(), more);
    }

    /** The message without notes, as one line. */
    public String headline() {
        return location.describe() + ": " + severity.spelling() + ": " + message;
    }

    public String render() {
        StringBuilder sb = new StringBuilder(headline());
        for (Diagnostic n : notes) sb.append('\n').append(n.render());
        return sb.toString();
    }

    @Override
    public String toString() { return render(); }
}
