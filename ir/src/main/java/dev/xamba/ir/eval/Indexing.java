package dev.xamba.ir.eval;

import dev.xamba.ir.ops.ElementCounts;

/** Row-major index arithmetic for the reference kernels. */
public final class Indexing {
    private Indexing() {}

    public static long[] strides(long[] shape) {
        long[] s = new long[shape.length];
        long acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /** Strides for reading {@code shape} as if broadcast to {@code outShape} (0 where a dim is broadcast). */
    public static long[] broadcastStrides(long[] shape, long[] outShape) {
        long[] s = strides(shape);
        long[] r = new long[outShape.length];
        int off = outShape.length - shape.length;
        for (int i = 0; i < shape.length; i++) r[off + i] = shape[i] == 1 && outShape[off + i] != 1 ? 0 : s[i];
        return r;
    }

    /** Flat offset into a tensor with {@code strides} of the output element at flat index {@code flat}. */
    public static int offset(long flat, long[] outShape, long[] strides) {
        long off = 0;
        for (int d = outShape.length - 1; d >= 0; d--) {
            long n = outShape[d];
            long c = flat % n;
            flat /= n;
            off += c * strides[d];
        }
        return (int) off;
    }

    public static int size(long[] shape) {
        return ElementCounts.forEvaluator(ElementCounts.product(shape, () -> "element count of shape " + java.util.Arrays.toString(shape)),
                () -> "shape " + java.util.Arrays.toString(shape));
    }
}
