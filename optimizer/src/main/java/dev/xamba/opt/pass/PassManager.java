package dev.xamba.opt.pass;

import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.diag.Severity;
import dev.xamba.ir.loc.Location;
import dev.xamba.opt.pass.instrument.IrPrinting;
import dev.xamba.opt.pass.instrument.Timing;
import dev.xamba.opt.pass.instrument.VerifyEach;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The optimizer's entry point: runs a pipeline of passes over a module, with MLIR's debugging aids a flag away
 * (print the IR after each pass, verify after each pass, time each pass, remarks and statistics, a reproducer
 * line on failure). Printing, verifying and timing are {@link PassInstrumentation}s the options switch on;
 * more can be added with {@link Options#withInstrumentation}.
 *
 * <p>A pass that reports an error fails the run with a {@link DiagnosticException} (a problem of the input,
 * exit code 1); a pass that throws anything else has a bug and fails it with a {@link PassCrashException}
 * (an internal error, exit code 3), never dressed as a diagnostic.
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
     * @param instrumentations    further hooks around each pass (see {@link #withInstrumentation})
     */
    public record Options(PrintStream printIrAfterAll, boolean verifyEach, PrintStream timing,
                          boolean reproducerOnFailure, PrintStream remarks, PrintStream statistics,
                          List<PassInstrumentation> instrumentations) {

        public Options {
            instrumentations = List.copyOf(instrumentations);
        }

        /** Everything off. */
        public static Options defaults() { return new Options(null, false, null, false, null, null, List.of()); }

        /**
         * Adds an instrumentation (IR snapshots for a report, a filtered IR printer, ...). Instrumentations run
         * in the order added, inside the verifier and printer of the flags above and outside the timer.
         */
        public Options withInstrumentation(PassInstrumentation instrumentation) {
            List<PassInstrumentation> more = new ArrayList<>(instrumentations);
            more.add(instrumentation);
            return new Options(printIrAfterAll, verifyEach, timing, reproducerOnFailure, remarks, statistics, more);
        }

        public Options withPrintIrAfterAll(PrintStream out) {
            return new Options(out, verifyEach, timing, reproducerOnFailure, remarks, statistics, instrumentations);
        }

        public Options withVerifyEach(boolean on) {
            return new Options(printIrAfterAll, on, timing, reproducerOnFailure, remarks, statistics, instrumentations);
        }

        public Options withTiming(PrintStream out) {
            return new Options(printIrAfterAll, verifyEach, out, reproducerOnFailure, remarks, statistics, instrumentations);
        }

        public Options withReproducerOnFailure(boolean on) {
            return new Options(printIrAfterAll, verifyEach, timing, on, remarks, statistics, instrumentations);
        }

        public Options withRemarks(PrintStream out) {
            return new Options(printIrAfterAll, verifyEach, timing, reproducerOnFailure, out, statistics, instrumentations);
        }

        public Options withStatistics(PrintStream out) {
            return new Options(printIrAfterAll, verifyEach, timing, reproducerOnFailure, remarks, out, instrumentations);
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
    public String pipeline() { return pipeline(passes); }

    /** {@code passes} as a pipeline string. */
    public static String pipeline(List<Pass> passes) {
        return passes.stream().map(Pass::pipelineElement).collect(Collectors.joining(","));
    }

    /**
     * Runs every pass in order on {@code module}, in place. Returns the run's context (warnings, remarks,
     * statistics) on success; throws a {@link DiagnosticException} carrying every diagnostic so far when a pass
     * reports an error or (with {@code verifyEach}) leaves invalid IR behind, and a {@link PassCrashException}
     * when a pass throws. The IR is then in the state the failing pass left it.
     */
    public PassContext run(Operation module) {
        PassContext ctx = new PassContext(options.remarks() != null);
        List<PassInstrumentation> hooks = instrumentations();
        try {
            try {
                hooks.forEach(h -> h.runBeforePipeline(module, ctx));
            } catch (DiagnosticException e) {
                throw failure(e.diagnostics());
            }
            for (int i = 0; i < passes.size(); i++) runPass(i, module, ctx, hooks);
            return ctx;
        } finally {
            for (int i = hooks.size() - 1; i >= 0; i--) hooks.get(i).runAfterPipeline(module, ctx);
            if (options.remarks() != null) {
                for (Diagnostic r : ctx.remarks()) options.remarks().print(r.render() + "\n");
            }
            if (options.statistics() != null) options.statistics().print(PassReports.statistics(ctx.statistics()));
        }
    }

    /** The flags' instrumentations around the added ones: verifier outermost, then the printer, the timer innermost. */
    private List<PassInstrumentation> instrumentations() {
        List<PassInstrumentation> hooks = new ArrayList<>();
        Timing timing = options.timing() == null ? null : new Timing(options.timing());
        if (options.verifyEach()) {
            hooks.add(new VerifyEach(passes.isEmpty() ? null : passes.get(0).cliName(),
                    nanos -> { if (timing != null) timing.addVerifier(nanos); }));
        }
        if (options.printIrAfterAll() != null) hooks.add(IrPrinting.afterAll(options.printIrAfterAll()));
        hooks.addAll(options.instrumentations());
        if (timing != null) hooks.add(timing);
        return hooks;
    }

    private void runPass(int index, Operation module, PassContext ctx, List<PassInstrumentation> hooks) {
        Pass pass = passes.get(index);
        ctx.beginPass(pass.cliName());
        hooks.forEach(h -> h.runBeforePass(pass, module, ctx));
        Throwable crash = null;
        try {
            pass.run(module, ctx);
        } catch (DiagnosticException e) {
            e.diagnostics().forEach(ctx::emit);
        } catch (RuntimeException | StackOverflowError e) {
            crash = e;
        }
        if (crash != null || ctx.hasErrors()) {
            for (int i = hooks.size() - 1; i >= 0; i--) hooks.get(i).runAfterPassFailed(pass, module, ctx);
            if (crash != null) throw new PassCrashException(index, pass, pipeline(), crash);
            throw failure(ctx.diagnostics());
        }
        try {
            for (int i = hooks.size() - 1; i >= 0; i--) hooks.get(i).runAfterPass(pass, module, ctx);
        } catch (DiagnosticException e) {
            throw failure(e.diagnostics());
        }
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
