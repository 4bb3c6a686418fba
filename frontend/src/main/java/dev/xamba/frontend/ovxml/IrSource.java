package dev.xamba.frontend.ovxml;

import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.loc.Location;
import java.nio.file.Path;

/**
 * The {@code .xml} being imported. Every import error is one line at this file, at the position of the element at
 * fault when there is one: {@code model.xml:12:4: error: layer 7 'x' (Foo-opset1): ...}.
 */
record IrSource(Path xml) {
    Diagnostic diagnostic(String message) {
        return Diagnostic.error(Location.name(xml.toString()), message);
    }

    Diagnostic diagnostic(IrNet.Pos pos, String message) {
        if (pos == null) return diagnostic(message);
        return Diagnostic.error(Location.fileLineCol(xml.toString(), pos.line(), pos.column()), message);
    }

    DiagnosticException error(String message) {
        return new DiagnosticException(diagnostic(message));
    }

    DiagnosticException error(IrNet.Pos pos, String message) {
        return new DiagnosticException(diagnostic(pos, message));
    }

    /** An error at {@code layer}, whose message starts by naming it. */
    DiagnosticException error(IrNet.Layer layer, String message) {
        return error(layer.pos(), layer.describe() + ": " + message);
    }
}
