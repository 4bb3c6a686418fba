package dev.xamba.api.pipeline;

import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.InternalCompilerError;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.pass.PassCrashException;
import dev.xamba.opt.pass.PassManager;
import dev.xamba.opt.pass.PassRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a command's pass pipeline: warnings go to stderr, and a pass that crashes leaves a reproducer file
 * behind (see {@link CrashReproducer}). The phases {@code compile} and {@code verify} run, in order: clean-up of
 * the imported graph, legalization to the OpenVINO opset, then clean-up of what legalization produced (its
 * mask and weight constants fold and merge).
 */
public final class CompilerPipeline {
    /** Import-level clean-up only: what {@code --emit xir} shows. */
    public static final String CLEANUP = "canonicalize,cse";
    /** Everything needed before writing OpenVINO IR. */
    public static final String TO_OPENVINO = "canonicalize,cse,legalize-ov,canonicalize,cse";

    /** A pass crashed and its reproducer was written: the internal error plus the command that reruns it. */
    public static final class ReproducedCrash extends InternalCompilerError {
        private static final long serialVersionUID = 1L;
        private final transient CrashReproducer.Written reproducer;

        public ReproducedCrash(PassCrashException crash, CrashReproducer.Written reproducer) {
            super(crash);
            this.reproducer = reproducer;
        }

        public CrashReproducer.Written reproducer() { return reproducer; }
    }

    private final PassRegistry registry;
    private final PassManager.Options options;
    private final PrintStream err;
    private final Supplier<Operation> reload;
    private final Path reproducerDir;
    private final boolean returnRemarks;

    /** A pipeline whose remarks, when recorded, are printed rather than returned. */
    public CompilerPipeline(PassRegistry registry, PassManager.Options options, PrintStream err, Supplier<Operation> reload,
                            Path reproducerDir) {
        this(registry, options, err, reload, reproducerDir, false);
    }

    /**
     * @param reload        loads and verifies the command's input again (for a crash reproducer only)
     * @param reproducerDir where a crash reproducer goes
     * @param returnRemarks whether {@link #runCollecting} returns the remarks (when they are checked, not printed)
     */
    public CompilerPipeline(PassRegistry registry, PassManager.Options options, PrintStream err, Supplier<Operation> reload,
                            Path reproducerDir, boolean returnRemarks) {
        this.registry = registry;
        this.options = options;
        this.err = err;
        this.reload = reload;
        this.reproducerDir = reproducerDir;
        this.returnRemarks = returnRemarks;
    }

    /** Runs {@code pipeline} on {@code module} in place and prints its warnings. */
    public void run(Operation module, String pipeline) {
        runCollecting(module, pipeline).forEach(d -> err.println(Names.diagnostic(d)));
    }

    /**
     * Runs {@code pipeline} on {@code module} in place and returns its warnings (and remarks, when they are
     * recorded but not printed); errors are thrown as a {@link dev.xamba.ir.diag.DiagnosticException}.
     */
    public List<Diagnostic> runCollecting(Operation module, String pipeline) {
        PassContext ctx = runContext(module, pipeline);
        List<Diagnostic> all = new ArrayList<>(ctx.diagnostics());
        if (returnRemarks) all.addAll(ctx.remarks());
        return all;
    }

    /**
     * Runs {@code pipeline} on {@code module} in place and returns its context (warnings, remarks, rewrite
     * decisions); a crashing pass leaves a reproducer and is thrown as a {@link ReproducedCrash}.
     */
    public PassContext runContext(Operation module, String pipeline) {
        try {
            return PassManager.parse(pipeline, options, registry).run(module);
        } catch (PassCrashException crash) {
            CrashReproducer.Written written;
            try {
                written = CrashReproducer.write(crash, reload, registry, reproducerDir);
            } catch (IOException | RuntimeException e) {
                crash.addSuppressed(e);
                throw crash; // the crash matters more than the reproducer that could not be written
            }
            throw new ReproducedCrash(crash, written);
        }
    }

    /**
     * {@link #TO_OPENVINO}, then these XAMBA pass elements ({@code xamba-cumba{target=npu4}}) and a last clean-up
     * (their constants fold and identical masks merge); just {@link #TO_OPENVINO} when there are none.
     */
    public static String toOpenVino(List<String> rewrites) {
        if (rewrites.isEmpty()) return TO_OPENVINO;
        return TO_OPENVINO + "," + String.join(",", rewrites) + ",canonicalize,cse";
    }
}
