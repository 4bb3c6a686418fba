package dev.xamba.opt.pass;

import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.diag.Severity;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.ir.verify.Verifier;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The optimizer's entry point: runs a pipeline of passes over a module, with MLIR's debugging aids a flag away
 * (print the IR after each pass, verify after each pass, time each pass, remarks and statistics, a reproducer
 * line on failure).
 *
 * <pre>{@code
 * PassManager pm = PassManager.parse("canonicalize,cse", PassManager.Options.defaults().withVerifyEach(true));
 * pm.run(module);   // throws DiagnosticException when a pass reports errors or breaks the IR
 * }</pre>
 */
public final class PassManager {

    /**
     * How to run a pipeline. Streams are null when the aid is off.
     *
     * @param printIrAfterAll     print {@code // -----// IR Dump After <Class> (<cli-name>) //----- //} and the module
     *                            after every pass that did not report an error (before verifying it, so a
     *                            {@code verifyEach} failure comes right after the IR that caused it)
     * @param verifyEach          verify the input and the IR after every pass; fail naming the pass that broke it
     * @param timing              print a wall-time report per pass after the run (also after a failed run)
     * @param reproducerOnFailure add a note with the {@code xambac opt --passes '...'} line that replays a failure
     * @param remarks             record remarks (every rewrite decision) and print them after the run
     * @param statistics          print the passes' counters after the run
     */
    public record Options(PrintStream printIrAfterAll, boolean verifyEach, PrintStream timing,
                          boolean reproducerOnFailure, PrintStream remarks, PrintStream statistics) {

        /** Everything off. */
        public static Options defaults() { return new Options(null, false, null, false, null, null); }

        public Options withPrintIrAfterAll(PrintStream out) {
            return new Options(out, verifyEach, timing, reproducerOnFailure, remarks, statistics);
        }

        public Options withVerifyEach(boolean on) {
            return new Options(printIrAfterAll, on, timing, reproducerOnFailure, remarks, statistics);
        }

        public Options withTiming(PrintStream out) {
            return new Options(printIrAfterAll, verifyEach, out, reproducerOnFailure, remarks, statistics);
        }

        public Options withReproducerOnFailure(boolean on) {
            return new Options(printIrAfterAll, verifyEach, timing, on, remarks, statistics);
        }

        public Options withRemarks(PrintStream out) {
            return new Options(printIrAfterAll, verifyEach, timing, reproducerOnFailure, out, statistics);
        }

        public Options withStatistics(PrintStream out) {
            return new Options(printIrAfterAll, verifyEach, timing, reproducerOnFailure, remarks, out);
        }
    }

    private final List<Pass> passes;
    private final Options options;

    private PassManager(List<Pass> passes, Options options) {
        this.passes = List.copyOf(passes);
        this.options = options;
    }

    /** Parses {@code pipeline} against the standard passes; throws {@link PipelineException} when it is invalid. */
    public static PassManager parse(String pipeline, Options options) {
        return parse(pipeline, options, PassRegistry.standard());
    }

    /** Parses {@code pipeline} against the passes of {@code registry}. */
    public static PassManager parse(String pipeline, Options options, PassRegistry registry) {
        return new PassManager(PipelineParser.parse(pipeline, registry), options);
    }

    /** A pipeline of already configured passes. */
    public static PassManager of(List<Pass> passes, Options options) { return new PassManager(passes, options); }

    public List<Pass> passes() { return passes; }

    public Options options() { return options; }

    /** The pipeline as a string that parses back to the same passes and options. */
    public String pipeline() { return passes.stream().map(Pass::pipelineElement).collect(Collectors.joining(",")); }

    /**
     * Runs every pass in order on {@code module}, in place. Returns the run's context (warnings, remarks,
     * statistics) on success; throws a {@link DiagnosticException} carrying every diagnostic so far when a pass
     * reports an error, throws, or (with {@code verifyEach}) leaves invalid IR behind. The IR is then in the
     * state the failing pass left it.
     */
    public PassContext run(Operation module) {
        PassContext ctx = new PassContext(options.remarks() != null);
        PassReports.Timing timing = new PassReports.Timing();
        long start = System.nanoTime();
        try {
            if (options.verifyEach()) {
                verify(module, ctx, timing, "verification failed on the input"
                        + (passes.isEmpty() ? "" : ", before pass '" + passes.get(0).cliName() + "'"));
            }
            for (Pass pass : passes) runPass(pass, module, ctx, timing);
            return ctx;
        } finally {
            long total = System.nanoTime() - start;
            if (options.timing() != null) options.timing().print(timing.render(total));
            if (options.remarks() != null) {
                for (Diagnostic r : ctx.remarks()) options.remarks().print(r.render() + "\n");
            }
            if (options.statistics() != null) options.statistics().print(PassReports.statistics(ctx.statistics()));
        }
    }

    private void runPass(Pass pass, Operation module, PassContext ctx, PassReports.Timing timing) {
        ctx.beginPass(pass.cliName());
        long t0 = System.nanoTime();
        try {
            pass.run(module, ctx);
        } catch (DiagnosticException e) {
            e.diagnostics().forEach(ctx::emit);
        } catch (RuntimeException | StackOverflowError e) {
            ctx.emit(crashDiagnostic(pass, module, e));
        } finally {
            timing.addPass(pass.cliName(), System.nanoTime() - t0);
        }
        if (ctx.hasErrors()) throw failure(ctx.diagnostics());
        if (options.printIrAfterAll() != null) {
            PrintStream out = options.printIrAfterAll();
            out.print("// -----// IR Dump After " + pass.getClass().getSimpleName() + " (" + pass.cliName() + ") //----- //\n");
            out.print(AsmPrinter.print(module) + "\n");
        }
        if (options.verifyEach()) verify(module, ctx, timing, "verification failed after pass '" + pass.cliName() + "'");
    }

    private void verify(Operation module, PassContext ctx, PassReports.Timing timing, String headline) {
        long t0 = System.nanoTime();
        List<Diagnostic> problems = Verifier.verify(module);
        timing.addVerifier(System.nanoTime() - t0);
        if (problems.isEmpty()) return;
        List<Diagnostic> all = new ArrayList<>();
        all.add(Diagnostic.error(module.diagnosticLocation(), headline));
        all.addAll(problems);
        all.addAll(ctx.diagnostics());
        throw failure(all);
    }

    /** An internal error of a pass: reported as a diagnostic naming the pass and where it threw, not a stack trace. */
    private static Diagnostic crashDiagnostic(Pass pass, Operation module, Throwable e) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        Diagnostic d = Diagnostic.error(module.diagnosticLocation(), "pass '" + pass.cliName() + "' failed: " + what);
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length > 0) d = d.withNote(Location.UNKNOWN, "thrown at " + trace[0]);
        return d;
    }

    private DiagnosticException failure(List<Diagnostic> diagnostics) {
        if (!options.reproducerOnFailure()) return new DiagnosticException(diagnostics);
        List<Diagnostic> withNote = new ArrayList<>(diagnostics);
        for (int i = 0; i < withNote.size(); i++) {
            if (withNote.get(i).severity() == Severity.ERROR) {
                withNote.set(i, withNote.get(i).withNote(Location.UNKNOWN,
                        "reproduce with: xambac opt --passes " + shellQuote(pipeline()) + " <input>"));
                break;
            }
        }
        return new DiagnosticException(withNote);
    }

    private static String shellQuote(String s) { return "'" + s.replace("'", "'\\''") + "'"; }
}
