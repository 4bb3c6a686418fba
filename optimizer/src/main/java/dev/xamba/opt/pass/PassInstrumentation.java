package dev.xamba.opt.pass;

import dev.xamba.ir.Operation;

/**
 * Hooks the {@link PassManager} calls around a pipeline and around each pass, as MLIR's
 * {@code PassInstrumentation}: the IR printer, the per-pass verifier, the timer and the snapshots a report
 * reads are instrumentations, not special cases of the pass manager.
 *
 * <p>"Before" hooks run in registration order, "after" hooks in reverse order, so that an instrumentation
 * registered later is nested inside one registered earlier (the timer, registered last, measures only the pass).
 * A hook may throw a {@link dev.xamba.ir.diag.DiagnosticException} to fail the run (the verifier does); the IR
 * is then left as the pass made it.
 */
public interface PassInstrumentation {

    /** Before the first pass (also when the pipeline is empty). */
    default void runBeforePipeline(Operation module, PassContext ctx) {}

    /** Before {@code pass} runs on {@code module}. */
    default void runBeforePass(Pass pass, Operation module, PassContext ctx) {}

    /** After {@code pass} returned without reporting an error. */
    default void runAfterPass(Pass pass, Operation module, PassContext ctx) {}

    /**
     * After {@code pass} reported an error or threw; the IR is in whatever state the pass left it. The run then
     * fails; {@link #runAfterPipeline} still follows.
     */
    default void runAfterPassFailed(Pass pass, Operation module, PassContext ctx) {}

    /** After the run, whether it succeeded or failed (reports print here). */
    default void runAfterPipeline(Operation module, PassContext ctx) {}
}
