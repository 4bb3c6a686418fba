package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Convolution;
import dev.xamba.ir.ops.AttrSpec.Kind;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;

/**
 * {@code onnx.Conv(x, w[, b]) {auto_pad, dilations, group, kernel_shape, pads, strides}}: N-D grouped
 * convolution; x {@code [N, C, D...]}, w {@code [M, C/group, K...]}, b {@code [M]}. {@code pads} lists all begins,
 * then all ends; absent {@code dilations}/{@code pads}/{@code strides} mean 1/0/1 per spatial dim.
 */
final class ConvDef extends OpDefinition {
    private static final long DYN = TensorType.DYNAMIC;

    ConvDef() {
        super("onnx.Conv", "grouped N-D convolution", 2, 3, List.of(
                AttrSpec.optional("auto_pad", Kind.STRING, new StringAttr("NOTSET")),
                AttrSpec.optional("dilations", Kind.ARRAY, null),
                AttrSpec.optional("group", Kind.INT, IntegerAttr.i64(1)),
                AttrSpec.optional("kernel_shape", Kind.ARRAY, null),
                AttrSpec.optional("pads", Kind.ARRAY, null),
                AttrSpec.optional("strides", Kind.ARRAY, null)), Trait.PURE);
    }

    /** Per spatial dim: stride, dilation, padding before, and output length (DYNAMIC if unknown). */
    private record Geometry(long[] strides, long[] dilations, long[] padBegin, long[] out) {}

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        TensorType x = ctx.operandType(0);
        TensorType w = ctx.operandType(1);
        OnnxOperands.requireFloat(ctx, 0);
        OnnxOperands.requireSameElementType(ctx, 0, 1);
        if (x.rank() < 3) throw new OpError("input must have rank >= 3 ([N, C, spatial...]), got " + x);
        if (w.rank() != x.rank()) throw new OpError("weights " + w + " must have the input's rank " + x.rank());
        long group = ctx.intAttr("group");
        if (group < 1) throw new OpError("attribute 'group' must be positive, got " + group);
        long channels = x.dim(1);
        long outChannels = w.dim(0);
        if (channels != DYN && w.dim(1) != DYN && w.dim(1) * group != channels) {
            throw new OpError("weights " + w + " take " + w.dim(1) + " channels per group; with group = " + group
                    + " the input needs " + w.dim(1) * group + " channels, got " + channels);
        }
        if (outChannels != DYN && outChannels % group != 0) {
            throw new OpError(outChannels + " output channels do not divide into " + group + " groups");
        }
        if (ctx.numOperands() == 3) {
            OnnxOperands.requireSameElementType(ctx, 0, 2);
            TensorType b = ctx.operandType(2);
            if (b.rank() != 1 || (b.dim(0) != DYN && outChannels != DYN && b.dim(0) != outChannels)) {
                throw new OpError("bias must have shape [" + outChannels + "], got " + b);
            }
        }
        Geometry g = geometry(ctx);
        long[] out = new long[x.rank()];
        out[0] = x.dim(0);
        out[1] = outChannels;
        System.arraycopy(g.out, 0, out, 2, g.out.length);
        return List.of(TensorType.of(x.elementType(), out));
    }

    private static Geometry geometry(OpContext ctx) {
        TensorType x = ctx.operandType(0);
        TensorType w = ctx.operandType(1);
        int n = x.rank() - 2;
        long[] kernel = Arrays.copyOfRange(w.shape(), 2, w.rank());
        long[] declared = OnnxOperands.optionalInts(ctx, "kernel_shape");
        if (declared != null) {
            if (declared.length != n) throw new OpError("kernel_shape " + Arrays.toString(declared) + " must have " + n + " entries");
            for (int d = 0; d < n; d++) {
                if (kernel[d] != DYN && kernel[d] != declared[d]) {
                    throw new OpError("kernel_shape " + Arrays.toString(declared) + " does not match weights " + w);
                }
                kernel[d] = declared[d];
            }
        }
        long[] strides = listOr(ctx, "strides", n, 1);
        long[] dilations = listOr(ctx, "dilations", n, 1);
        long[] pads = listOr(ctx, "pads", 2 * n, 0);
        for (int d = 0; d < n; d++) {
            if (strides[d] < 1 || dilations[d] < 1) throw new OpError("strides and dilations must be positive");
            if (pads[d] < 0 || pads[n + d] < 0) throw new OpError("pads must not be negative, got " + Arrays.toString(pads));
        }
        String autoPad = ctx.stringAttr("auto_pad");
        long[] begin = new long[n];
        long[] out = new long[n];
        try {
            for (int d = 0; d < n; d++) {
                long size = x.dim(d + 2);
                long extent = kernel[d] == DYN ? DYN : Math.addExact(Math.multiplyExact(kernel[d] - 1, dilations[d]), 1);
                switch (autoPad) {
                    case "NOTSET", "" -> {
                        begin[d] = pads[d];
                        out[d] = outLength(size == DYN ? DYN : Math.addExact(size, Math.addExact(pads[d], pads[n + d])),
                                extent, strides[d], size);
                    }
                    case "VALID" -> out[d] = outLength(size, extent, strides[d], size);
                    case "SAME_UPPER", "SAME_LOWER" -> {
                        out[d] = size == DYN ? DYN : Math.addExact(size, strides[d] - 1) / strides[d];
                        if (size != DYN && extent != DYN) {
                            long total = Math.max(0, Math.addExact(Math.multiplyExact(out[d] - 1, strides[d]), extent - size));
                            begin[d] = autoPad.equals("SAME_UPPER") ? total / 2 : total - total / 2;
                        }
                    }
                    default -> throw new OpError("unknown auto_pad \"" + autoPad + "\" (expected NOTSET, VALID, SAME_UPPER or SAME_LOWER)");
                }
            }
        } catch (ArithmeticException overflow) {
            throw new OpError("the spatial sizes of " + x + " with this kernel, padding and strides overflow 64 bits");
        }
        return new Geometry(strides, dilations, begin, out);
    }

    private static long outLength(long padded, long extent, long stride, long size) {
        if (size == DYN || extent == DYN) return DYN;
        if (padded < extent) throw new OpError("kernel extent " + extent + " exceeds the padded input length " + padded);
        return (padded - extent) / stride + 1;
    }

    private static long[] listOr(OpContext ctx, String name, int length, long fill) {
        long[] v = OnnxOperands.optionalInts(ctx, name);
        if (v == null) {
            v = new long[length];
            Arrays.fill(v, fill);
        } else if (v.length != length) {
            throw new OpError("attribute '" + name + "' " + Arrays.toString(v) + " must have " + length + " entries");
        }
        return v;
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        Geometry g = geometry(ctx);
        Tensor bias = ctx.numOperands() == 3 ? ctx.constantOperand(2).orElseThrow() : null;
        return List.of(Convolution.conv(ctx.constantOperand(0).orElseThrow(), ctx.constantOperand(1).orElseThrow(), bias,
                g.strides, g.dilations, g.padBegin, ctx.intAttr("group"), out));
    }
}
