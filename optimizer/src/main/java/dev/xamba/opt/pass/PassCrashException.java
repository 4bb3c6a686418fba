package dev.xamba.opt.pass;

import dev.xamba.ir.diag.InternalCompilerError;

/**
 * A pass threw something other than a diagnostic: a bug in the pass, reported as an internal error (exit
 * code 3), never as a problem of the input. Carries where in the pipeline it happened, so that the command
 * line can write a reproducer (the IR before this pass and the pass to rerun).
 */
public final class PassCrashException extends InternalCompilerError {
    private static final long serialVersionUID = 1L;
    private final int passIndex;
    private final String passElement;
    private final String pipeline;

    PassCrashException(int passIndex, Pass pass, String pipeline, Throwable cause) {
        super("pass '" + pass.cliName() + "' crashed", cause);
        this.passIndex = passIndex;
        this.passElement = pass.pipelineElement();
        this.pipeline = pipeline;
    }

    /** Position of the failing pass in the pipeline, 0-based. */
    public int passIndex() { return passIndex; }

    /** The failing pass with its options, as a pipeline element ({@code canonicalize{max-iterations=3}}). */
    public String passElement() { return passElement; }

    /** The whole pipeline the pass ran in. */
    public String pipeline() { return pipeline; }
}
