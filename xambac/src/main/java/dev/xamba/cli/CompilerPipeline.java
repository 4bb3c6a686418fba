package dev.xamba.cli;

import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.opt.pass.PassContext;
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

    static PassContext run(Operation module, String pipeline, PassManager.Options options, PrintStream err) {
        PassContext ctx = PassManager.parse(pipeline, options).run(module);
        List<Diagnostic> warnings = ctx.diagnostics();
        warnings.forEach(d -> err.println(d.render()));
        return ctx;
    }

    /**
     * {@link #TO_OPENVINO} followed by the chosen XAMBA rewrites on the legalized graph and a last clean-up (their
     * constants fold and identical masks merge); just {@link #TO_OPENVINO} when none is chosen.
     */
    static String toOpenVino(XambaFlags xamba) {
        List<String> rewrites = xamba.passes();
        if (rewrites.isEmpty()) return TO_OPENVINO;
        return TO_OPENVINO + "," + String.join(",", rewrites) + ",canonicalize,cse";
    }
}
