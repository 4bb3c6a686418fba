package dev.xamba.ir.eval.kernels;

import dev.xamba.ir.eval.Indexing;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.TensorType;

/** ONNX and OpenVINO Pad: widens (or, with negative pads, crops) each dim, filling by one of the modes. */
public final class Padding {
    private Padding() {}

    /** How positions outside the input are filled. */
    public enum Mode {
        /** A constant value. */
        CONSTANT,
        /** The mirror image without repeating the edge: [1,2,3] padded by 2 → [3,2,1,2,3,2,1]. */
        REFLECT,
        /** The edge value repeated. */
        EDGE,
        /** The other end of the dim, cyclically. */
        WRAP,
        /** The mirror image repeating the edge (OpenVINO only): [1,2,3] padded by 2 → [2,1,1,2,3,3,2]. */
        SYMMETRIC
    }

    /**
     * Pads {@code x} by {@code begin[d]} elements before and as many after as {@code out}'s shape implies.
     * {@code value} (scalar of x's type, or null for 0) is used in {@link Mode#CONSTANT}.
     */
    public static Tensor pad(Tensor x, long[] begin, Mode mode, Tensor value, TensorType out) {
        long[] xs = x.type().shape();
        long[] xst = Indexing.strides(xs);
        long[] os = out.shape();
        long[] c = new long[os.length];
        return Remap.copy(x, out, i -> {
            Remap.unravel(i, os, c);
            long off = 0;
            for (int d = 0; d < c.length; d++) {
                long s = source(c[d] - begin[d], xs[d], mode);
                if (s < 0) return Remap.FILL;
                off += s * xst[d];
            }
            return (int) off;
        }, value);
    }

    /** The input position read for (possibly out-of-range) position {@code p} of a dim of length {@code n}, or -1. */
    static long source(long p, long n, Mode mode) {
        if (p >= 0 && p < n) return p;
        return switch (mode) {
            case CONSTANT -> -1;
            case EDGE -> p < 0 ? 0 : n - 1;
            case WRAP -> Math.floorMod(p, n);
            case SYMMETRIC -> {
                long m = Math.floorMod(p, 2 * n);
                yield m < n ? m : 2 * n - 1 - m;
            }
            case REFLECT -> {
                if (n == 1) yield 0;
                long period = 2 * (n - 1);
                long m = Math.floorMod(p, period);
                yield m < n ? m : period - m;
            }
        };
    }
}
