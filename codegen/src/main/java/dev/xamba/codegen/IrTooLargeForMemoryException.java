package dev.xamba.codegen;

/**
 * The weights are more than an IR rendered into memory can hold (a Java array, 2 GiB): such a model is written to
 * files ({@link OvIrWriter#write}), which stream its weights. A property of the model, not a bug.
 */
public final class IrTooLargeForMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The most bytes of weights {@link OvIrWriter#render} holds. */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    IrTooLargeForMemoryException(long weightBytes) {
        super("the weights are " + weightBytes + " bytes, more than the " + MAX_BYTES
                + " an OpenVINO IR held in memory can have (an output file has no such limit)");
    }
}
