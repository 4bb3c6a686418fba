package dev.xamba.frontend.onnx.model;

import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.loc.Location;
import java.nio.file.Path;

/**
 * The model file being imported. Every import error is reported at this file, with a one-line message that
 * names the node or tensor at fault, so a user sees {@code "model.onnx": error: node '/x' (ai.onnx::Foo): ...}.
 */
public record SourceFile(Path path) {

    public Location location() { return Location.name(path.toString()); }

    /** The folder external data paths are relative to. */
    public Path folder() {
        Path parent = path.toAbsolutePath().getParent();
        return parent != null ? parent : path.toAbsolutePath();
    }

    public Diagnostic diagnostic(String message) { return Diagnostic.error(location(), message); }

    public DiagnosticException error(String message) { return new DiagnosticException(diagnostic(message)); }
}
