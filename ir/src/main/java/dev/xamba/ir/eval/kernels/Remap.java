package dev.xamba.ir.eval.kernels;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.TensorType;
import java.util.function.IntUnaryOperator;

/**
 * The common core of data-movement kernels (slice, pad, tile, expand, gather, concat): each output element is
 * copied from one source element, or is a fill value. Values are copied exactly (longs stay longs).
 */
public final class Remap {
    /** Returned by a source-index function for "no source element: use the fill value". */
    public static final int FILL = -1;

    private Remap() {}

    /**
     * {@code out[i] = src[source(i)]}, or {@code fill} (a scalar-like tensor of the output's element type, or null
     * for zero) where {@code source(i)} is {@link #FILL}.
     */
    public static Tensor copy(Tensor src, TensorType out, IntUnaryOperator source, Tensor fill) {
        int n = Math.toIntExact(out.numElements());
        if (src.isFloat()) {
            double f = fill == null ? 0.0 : fill.getDouble(0);
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                int s = source.applyAsInt(i);
                r[i] = s == FILL ? f : src.getDouble(s);
            }
            return Tensor.ofDoubles(out, r);
        }
        long f = fill == null ? 0 : fill.getLong(0);
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            int s = source.applyAsInt(i);
            r[i] = s == FILL ? f : src.getLong(s);
        }
        return Tensor.ofLongs(out, r);
    }

    /** Row-major coordinates of the element at {@code flat} in {@code shape}, written into {@code coords}. */
    public static void unravel(long flat, long[] shape, long[] coords) {
        for (int d = shape.length - 1; d >= 0; d--) {
            long n = shape[d];
            coords[d] = n == 0 ? 0 : flat % n;
            flat = n == 0 ? 0 : flat / n;
        }
    }

    /** Row-major flat index of {@code coords} in a tensor with {@code strides}. */
    public static int ravel(long[] coords, long[] strides) {
        long off = 0;
        for (int d = 0; d < coords.length; d++) off += coords[d] * strides[d];
        return (int) off;
    }
}
