package dev.xamba.opt.legalize;

/**
 * Thrown by a lowering's guard ({@code "axes (operand #1) must be a constant"}); {@link OnnxLowering} turns it into
 * a failed match after undoing whatever the lowering had created, so the op stays for the error report.
 */
final class LegalizationFailure extends dev.xamba.opt.rewrite.RewriteFailure {
    LegalizationFailure(String reason) {
        super(reason);
    }
}
