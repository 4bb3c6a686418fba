package dev.xamba.ir.eval.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Convolution;
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
     * The arithmetic is the shared {@link Convolution} kernel, with the group dim folded into the output channels.
     */
    public static Tensor convolve(Tensor data, Tensor weights, long[] strides, long[] dilations, long[] padsBegin,
                                  TensorType out) {
        long[] ws = weights.type().shape();
        long[] folded = new long[ws.length - 1];
        folded[0] = ws[0] * ws[1];
        System.arraycopy(ws, 2, folded, 1, ws.length - 2);
        return Convolution.conv(data, weights.reshape(weights.type().withShape(folded)), null, strides, dilations,
                padsBegin, ws[0], out);
    }
}
