package dev.xamba.opt.pass.instrument;

import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.verify.Verifier;
import dev.xamba.opt.pass.Pass;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.pass.PassInstrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * {@code --verify-each}: verifies the input before the first pass and the IR after every pass, and fails the
 * run naming the pass that broke it ({@code verification failed after pass 'cse'}), followed by every problem
 * the verifier found and the diagnostics the run had made so far.
 */
public final class VerifyEach implements PassInstrumentation {
    private final String firstPass;
    private final LongConsumer verifierNanos;

    /**
     * @param firstPass     CLI name of the pipeline's first pass, for the headline of a bad input (null: none)
     * @param verifierNanos receives the time each verification took (for {@code --timing})
     */
    public VerifyEach(String firstPass, LongConsumer verifierNanos) {
        this.firstPass = firstPass;
        this.verifierNanos = verifierNanos;
    }

    @Override public void runBeforePipeline(Operation module, PassContext ctx) {
        verify(module, ctx, "verification failed on the input" + (firstPass == null ? "" : ", before pass '" + firstPass + "'"));
    }

    @Override public void runAfterPass(Pass pass, Operation module, PassContext ctx) {
        verify(module, ctx, "verification failed after pass '" + pass.cliName() + "'");
    }

    private void verify(Operation module, PassContext ctx, String headline) {
        long t0 = System.nanoTime();
        List<Diagnostic> problems = Verifier.verify(module);
        verifierNanos.accept(System.nanoTime() - t0);
        if (problems.isEmpty()) return;
        List<Diagnostic> all = new ArrayList<>();
        all.add(Diagnostic.error(module.diagnosticLocation(), headline));
        all.addAll(problems);
        all.addAll(ctx.diagnostics());
        throw new DiagnosticException(all);
    }
}
