package dev.xamba.api;

import dev.xamba.ir.diag.Diagnostic;
import java.util.List;

/**
 * The model, the options or a file cannot be compiled: a problem of the user's input, told in one line
 * ({@link #getMessage()}). When the problem has a location in the model, {@link #diagnostics()} holds the located
 * errors ({@code file:line:col: error: ...} or the ONNX node's name) with their notes. Any other exception out of
 * {@link Xamba} is a compiler bug ({@link dev.xamba.ir.diag.InternalCompilerError} when a pass crashed).
 */
public final class CompileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    /** A problem without a location in the model (a missing file, an unknown target). */
    public CompileException(String message, Throwable cause) {
        super(message, cause);
        this.diagnostics = List.of();
    }

    /** Located errors in the model; the message is the first one's headline. */
    public CompileException(List<Diagnostic> diagnostics, Throwable cause) {
        super(diagnostics.isEmpty() ? "invalid model" : diagnostics.get(0).headline(), cause);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** The located errors, in order; empty when the problem is not in the model (see {@link #getMessage()}). */
    public List<Diagnostic> diagnostics() { return diagnostics; }
}
