package dev.xamba.ir.diag;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when input or IR is invalid. Carries every diagnostic found, so that a user sees all problems of a
 * run at once rather than only the first.
 */
public class DiagnosticException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    public DiagnosticException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n")), null, false, false);
        if (diagnostics.isEmpty()) throw new IllegalArgumentException("no diagnostics");
        this.diagnostics = List.copyOf(diagnostics);
    }

    public DiagnosticException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public List<Diagnostic> diagnostics() { return diagnostics; }
}
