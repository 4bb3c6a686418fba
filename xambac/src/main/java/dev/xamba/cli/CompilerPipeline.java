package dev.xamba.cli;

import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.opt.pass.PassManager;
import java.io.PrintStream;
import java.util.List;

/**
 * The phases {@code compile} and {@code verify} run, in order: clean-up of the imported graph, legalization to
 * the OpenVINO opset, then clean-up of what legalization produced (its mask and weight constants fold and merge).
 */
final class CompilerPipeline {
    /** Import-level clean-up only: what {@code --emit xir} shows. */
    static final String CLEANUP = "canonicalize,cse";
    /** Everything needed before writing OpenVINO IR. */
    static final String TO_OPENVINO = "canonicalize,cse,legalize-ov,canonicalize,cse";

    private CompilerPipeline() {}

    static void run(Operation module, String pipeline, PassManager.Options options, PrintStream err) {
        List<Diagnostic> warnings = PassManager.parse(pipeline, options).run(module).diagnostics();
        warnings.forEach(d -> err.println(d.render()));
    }

    /** The pipeline to the OpenVINO opset with the {@code --xamba} rewrites (only {@code none} exists yet). */
    static String toOpenVino(String xamba) {
        checkXambaChoice(xamba);
        return TO_OPENVINO;
    }

    /** Runs {@code pipeline} and returns its context, whose rewrite decisions the report shows. */
    static dev.xamba.opt.pass.PassContext runForReport(Operation module, String pipeline, PrintStream err) {
        dev.xamba.opt.pass.PassContext ctx = PassManager.parse(pipeline, PassManager.Options.defaults()).run(module);
        ctx.diagnostics().forEach(d -> err.println(d.render()));
        return ctx;
    }

    /**
     * The {@code --xamba} choice: until the XAMBA rewrites exist only {@code none} is accepted, and any other
     * value is reported rather than silently ignored.
     */
    static void checkXambaChoice(String xamba) {
        if (!xamba.equals("none")) {
            throw new UserError("--xamba " + xamba + ": no XAMBA passes yet (use --xamba none)");
        }
    }
}
