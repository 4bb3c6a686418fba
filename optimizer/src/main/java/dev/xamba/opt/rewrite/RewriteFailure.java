package dev.xamba.opt.rewrite;

/**
 * A guard of a rewrite that failed, with the reason as a short phrase ({@code "axes (operand #1) must be a
 * constant"}). Patterns built on {@link OvBuilder} throw it; the pattern turns it into a failed match.
 */
public class RewriteFailure extends RuntimeException {
    public RewriteFailure(String reason) {
        super(reason, null, false, false);
    }
}
