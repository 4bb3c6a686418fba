package dev.xamba.ir.eval.ov;

import dev.xamba.ir.eval.Indexing;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Remap;
import dev.xamba.ir.type.TensorType;

/**
 * OpenVINO Pad-12: each dim grows by {@code begin[d]} elements before and {@code end[d]} after; negative pads crop.
 * New positions are filled by the mode.
 */
public final class PadKernel {
    private PadKernel() {}

    /** OpenVINO's {@code pad_mode} values. */
    public enum Mode {
        /** The pad value (0 by default). */
        CONSTANT("constant"),
        /** The edge element repeated: [1,2,3] by 2 → [1,1,1,2,3,3,3]. */
        EDGE("edge"),
        /** Mirrored without the edge: [1,2,3] by 2 → [3,2,1,2,3,2,1]; pads must be below the dim. */
        REFLECT("reflect"),
        /** Mirrored with the edge: [1,2,3] by 2 → [2,1,1,2,3,3,2]; pads may reach the dim. */
        SYMMETRIC("symmetric");

        private final String irName;

        Mode(String irName) { this.irName = irName; }

        public String irName() { return irName; }

        /** The mode spelled {@code name}, or null. */
        public static Mode fromIrName(String name) {
            for (Mode m : values()) if (m.irName.equals(name)) return m;
            return null;
        }

        /** The largest pad this mode allows on a dim of size {@code n} (the whole dim for constant and edge). */
        public long maxPad(long n) {
            return switch (this) {
                case CONSTANT -> Long.MAX_VALUE;
                case EDGE -> n > 0 ? Long.MAX_VALUE : 0;
                case REFLECT -> n - 1;
                case SYMMETRIC -> n;
            };
        }
    }

    /** Pads (or crops) {@code x} into {@code out}; {@code value} is the fill for constant mode (null for 0). */
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

    /** The input position read for position {@code p} (maybe outside) of a dim of size {@code n}, or -1 to fill. */
    static long source(long p, long n, Mode mode) {
        if (p >= 0 && p < n) return p;
        return switch (mode) {
            case CONSTANT -> -1;
            case EDGE -> p < 0 ? 0 : n - 1;
            case REFLECT -> p < 0 ? -p : 2 * (n - 1) - p;
            case SYMMETRIC -> p < 0 ? -p - 1 : 2 * n - 1 - p;
        };
    }
}
