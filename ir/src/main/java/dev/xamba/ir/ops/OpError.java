package dev.xamba.ir.ops;

/**
 * A type-inference, verification or evaluation failure of one op. The verifier turns it into a diagnostic at
 * the op's location, so the message names only what is wrong ("operand #1 must be a scalar").
 */
public final class OpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OpError(String message) {
        super(message, null, false, false);
    }
}
