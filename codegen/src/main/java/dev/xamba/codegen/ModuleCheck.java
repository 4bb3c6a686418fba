package dev.xamba.codegen;

import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.ops.builtin.BuiltinDialect;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.ops.ov.OvOpDefinition;
import dev.xamba.ir.verify.Verifier;
import java.util.ArrayList;
import java.util.List;

/** What the writer requires of its input, checked before anything is written. */
final class ModuleCheck {
    private ModuleCheck() {}

    /**
     * The module's {@code @main}, after checking that every op in it is an {@code ov} op with an IR spelling (all
     * others are reported together, each at its location) and that the module verifies.
     */
    static FuncOp mainOf(Operation module) {
        if (!module.isA(BuiltinDialect.MODULE)) {
            throw new DiagnosticException(module.error("is not a module; the writer takes a 'builtin.module'"));
        }
        FuncOp main = new ModuleOp(module).function("main").orElseThrow(() -> new DiagnosticException(
                Diagnostic.error(module.diagnosticLocation(), "the module has no 'func.func @main' to write as a model")));
        List<Diagnostic> unsupported = new ArrayList<>();
        for (Operation op : main.body().operations()) {
            if (op.isA(BuiltinDialect.RETURN)) continue;
            if (!op.dialect().equals("ov") || OvOpDefinition.layerInfoOf(op).isEmpty()) {
                unsupported.add(op.error("cannot be written as OpenVINO IR: only registered 'ov' ops can"
                        + (op.dialect().equals("ov") ? "" : " (legalize the module to the ov dialect first)")));
            }
        }
        if (!unsupported.isEmpty()) throw new DiagnosticException(unsupported);
        Verifier.verifyOrThrow(module);
        return main;
    }
}
