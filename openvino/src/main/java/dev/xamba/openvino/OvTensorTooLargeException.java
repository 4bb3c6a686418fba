package dev.xamba.openvino;

/**
 * An OpenVINO tensor too large to copy into the JVM: a Java buffer holds at most 2 GiB. Thrown instead of
 * overflowing the size (a model may well make a larger output, e.g. an Expand to 2^40 elements, which OpenVINO
 * computes without storing it whole).
 */
public final class OvTensorTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The largest tensor copied: a Java array's length limit, in bytes. */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private final long byteSize;

    OvTensorTooLargeException(String what, OvElementType type, long[] shape, long byteSize) {
        super(what + " (" + type.irName() + " " + java.util.Arrays.toString(shape) + ") has " + byteSize
                + " bytes, more than the " + MAX_BYTES + " xamba can copy out of OpenVINO");
        this.byteSize = byteSize;
    }

    /** The tensor's size in bytes. */
    public long byteSize() { return byteSize; }
}
