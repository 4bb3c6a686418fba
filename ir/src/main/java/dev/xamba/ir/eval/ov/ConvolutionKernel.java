package dev.xamba.ir.eval.ov;

import dev.xamba.ir.eval.Indexing;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.TensorType;

/**
 * OpenVINO Convolution-1 and GroupConvolution-1 on {@code [N, C, X1..Xk]} data: the geometry (auto_pad, output
 * sizes) and a direct reference kernel accumulating in double.
 */
public final class ConvolutionKernel {
    private ConvolutionKernel() {}

    /** OpenVINO's {@code auto_pad} values. */
    public enum AutoPad {
        EXPLICIT("explicit"), SAME_UPPER("same_upper"), SAME_LOWER("same_lower"), VALID("valid");

        private final String irName;

        AutoPad(String irName) { this.irName = irName; }

        public String irName() { return irName; }

        /** The value spelled {@code name} ({@code notset} is OpenVINO's alias of explicit), or null. */
        public static AutoPad fromIrName(String name) {
            if (name.equals("notset")) return EXPLICIT;
            for (AutoPad a : values()) if (a.irName.equals(name)) return a;
            return null;
        }
    }

    /**
     * The pads actually applied to one spatial dim of size {@code x} with kernel {@code k}: the given ones for
     * explicit, none for valid, and for same_* the total that keeps {@code ceil(x / stride)} outputs, the odd element
     * going to the end (upper) or the beginning (lower).
     */
    public static long[] pads(AutoPad mode, long x, long k, long stride, long dilation, long begin, long end) {
        return switch (mode) {
            case EXPLICIT -> new long[] {begin, end};
            case VALID -> new long[] {0, 0};
            case SAME_UPPER, SAME_LOWER -> {
                long out = -Math.floorDiv(-x, stride);
                long total = Math.max((out - 1) * stride + dilation * (k - 1) + 1 - x, 0);
                long small = total / 2;
                yield mode == AutoPad.SAME_UPPER ? new long[] {small, total - small} : new long[] {total - small, small};
            }
        };
    }

    /** Output size of one spatial dim. */
    public static long outDim(long x, long k, long stride, long dilation, long padBegin, long padEnd) {
        return Math.floorDiv(x + padBegin + padEnd - dilation * (k - 1) - 1, stride) + 1;
    }

    /**
     * The convolution of {@code data [N, G*Cin, X..]} with {@code weights [G, Cout, Cin, K..]} into {@code out}
     * {@code [N, G*Cout, Y..]}; position {@code y} reads {@code x = y*stride - padBegin + k*dilation}, zero outside.
     */
    public static Tensor convolve(Tensor data, Tensor weights, long[] strides, long[] dilations, long[] padsBegin,
                                  TensorType out) {
        long[] ds = data.type().shape();
        long[] ws = weights.type().shape();
        long[] os = out.shape();
        int spatial = ds.length - 2;
        long groups = ws[0];
        long cout = ws[1];
        long cin = ws[2];
        long[] inSpatial = java.util.Arrays.copyOfRange(ds, 2, ds.length);
        long[] kSpatial = java.util.Arrays.copyOfRange(ws, 3, ws.length);
        long[] outSpatial = java.util.Arrays.copyOfRange(os, 2, os.length);
        long[] inStrides = Indexing.strides(inSpatial);
        int inPlane = Indexing.size(inSpatial);
        int kPlane = Indexing.size(kSpatial);
        int outPlane = Indexing.size(outSpatial);
        long[] oc = new long[spatial];
        long[] kc = new long[spatial];
        double[] r = new double[Math.toIntExact(out.numElements())];
        for (long n = 0; n < os[0]; n++) {
            for (long g = 0; g < groups; g++) {
                for (long o = 0; o < cout; o++) {
                    long outBase = ((n * groups + g) * cout + o) * outPlane;
                    for (int y = 0; y < outPlane; y++) {
                        unravel(y, outSpatial, oc);
                        double acc = 0;
                        for (long c = 0; c < cin; c++) {
                            long inBase = (n * groups * cin + g * cin + c) * inPlane;
                            long wBase = ((g * cout + o) * cin + c) * kPlane;
                            for (int k = 0; k < kPlane; k++) {
                                unravel(k, kSpatial, kc);
                                long off = 0;
                                boolean inside = true;
                                for (int d = 0; d < spatial && inside; d++) {
                                    long x = oc[d] * strides[d] - padsBegin[d] + kc[d] * dilations[d];
                                    inside = x >= 0 && x < inSpatial[d];
                                    off += x * inStrides[d];
                                }
                                if (inside) acc += data.getDouble((int) (inBase + off)) * weights.getDouble((int) (wBase + k));
                            }
                        }
                        r[(int) (outBase + y)] = acc;
                    }
                }
            }
        }
        return out.elementType().isFloat() ? Tensor.ofDoubles(out, r) : Tensor.ofLongs(out, toLongs(r));
    }

    private static void unravel(long flat, long[] shape, long[] coords) {
        for (int d = shape.length - 1; d >= 0; d--) {
            coords[d] = flat % shape[d];
            flat /= shape[d];
        }
    }

    private static long[] toLongs(double[] v) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) l[i] = (long) v[i];
        return l;
    }
}
