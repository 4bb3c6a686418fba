package dev.xamba.cli.check;

import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.Severity;
import dev.xamba.ir.loc.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code --verify-diagnostics}: compares the diagnostics a chunk produced with its {@link Expectation}s, strictly
 * in both directions, as MLIR's {@code SourceMgrDiagnosticVerifierHandler}. Every diagnostic and every note must
 * be expected (same severity, same line, message containing the expected text), and every expectation must be
 * met by exactly one diagnostic. A note without a file location (e.g. {@code op location} naming an ONNX node) is
 * about the line of the diagnostic it belongs to.
 */
public final class DiagnosticVerifier {
    private final String fileName;

    /** @param fileName the name the parser gave the input: only its file locations are lines of this file */
    public DiagnosticVerifier(String fileName) { this.fileName = fileName; }

    /** A diagnostic or note, flattened, with the line it is about (or {@link Expectation#UNKNOWN_LINE}). */
    private record Reported(Severity severity, int line, Location location, String message) {}

    /**
     * The problems found in one chunk, each a one-line error at {@code file:line:col}, sorted by line; empty when
     * the diagnostics are exactly the expected ones.
     */
    public List<String> check(SourceChunks.Chunk chunk, List<Diagnostic> diagnostics) {
        List<Expectation.Malformed> malformed = new ArrayList<>();
        List<Expectation> expected = Expectation.parse(chunk, malformed);
        List<Problem> problems = new ArrayList<>();
        for (Expectation.Malformed m : malformed) {
            problems.add(new Problem(m.line(), fileName + ":" + m.line() + ":" + m.column()
                    + ": error: malformed expectation (use expected-error@+1 {{text}}): " + m.text()));
        }
        boolean[] met = new boolean[expected.size()];
        for (Reported r : flatten(diagnostics)) {
            int match = find(expected, met, r);
            if (match >= 0) {
                met[match] = true;
                continue;
            }
            String where = r.line() == Expectation.UNKNOWN_LINE ? fileName + ":" + chunk.firstLine() + ":1" : r.location().describe();
            String at = r.line() == Expectation.UNKNOWN_LINE ? " at " + r.location().describe() : "";
            problems.add(new Problem(r.line() == Expectation.UNKNOWN_LINE ? chunk.firstLine() : r.line(),
                    where + ": error: unexpected " + r.severity().spelling() + at + ": " + r.message()));
        }
        for (int i = 0; i < expected.size(); i++) {
            if (met[i]) continue;
            Expectation e = expected.get(i);
            problems.add(new Problem(e.commentLine(), fileName + ":" + e.commentLine() + ":" + e.commentColumn()
                    + ": error: expected " + e.severity().spelling() + " \"" + e.text() + "\" was not produced"
                    + (e.line() == Expectation.UNKNOWN_LINE ? " (without a location)" : " on line " + e.line())));
        }
        problems.sort(Comparator.comparingInt(Problem::line));
        return problems.stream().map(Problem::text).toList();
    }

    private record Problem(int line, String text) {}

    private static int find(List<Expectation> expected, boolean[] met, Reported r) {
        for (int i = 0; i < expected.size(); i++) {
            Expectation e = expected.get(i);
            if (!met[i] && e.severity() == r.severity() && e.line() == r.line() && r.message().contains(e.text())) return i;
        }
        return -1;
    }

    private List<Reported> flatten(List<Diagnostic> diagnostics) {
        List<Reported> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            int line = lineOf(d.location());
            out.add(new Reported(d.severity(), line, d.location(), d.message()));
            for (Diagnostic note : d.notes()) {
                int noteLine = lineOf(note.location());
                out.add(new Reported(note.severity(), noteLine == Expectation.UNKNOWN_LINE ? line : noteLine,
                        noteLine == Expectation.UNKNOWN_LINE ? d.location() : note.location(), note.message()));
            }
        }
        return out;
    }

    private int lineOf(Location loc) {
        if (loc instanceof Location.FileLineCol f && f.file().equals(fileName)) return f.line();
        if (loc instanceof Location.Fused f) {
            for (Location part : f.parts()) {
                int line = lineOf(part);
                if (line != Expectation.UNKNOWN_LINE) return line;
            }
        }
        return Expectation.UNKNOWN_LINE;
    }
}
