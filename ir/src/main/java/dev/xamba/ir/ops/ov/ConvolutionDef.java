package dev.xamba.ir.ops.ov;

import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.ov.ConvolutionKernel;
import dev.xamba.ir.eval.ov.ConvolutionKernel.AutoPad;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/**
 * {@code ov.Convolution(x, w)} with weights {@code [Cout, Cin, K..]} and {@code ov.GroupConvolution(x, w)} with
 * weights {@code [G, Cout/G, Cin/G, K..]} on data {@code [N, Cin, X..]} (1-D, 2-D, 3-D): OpenVINO Convolution-1
 * and GroupConvolution-1, attributes {@code strides, pads_begin, pads_end, dilations} (one entry per spatial dim)
 * and {@code auto_pad}.
 */
final class ConvolutionDef extends OvOpDefinition {
    private final boolean grouped;

    ConvolutionDef(boolean grouped) {
        super(grouped ? "GroupConvolution" : "Convolution", "opset1",
                grouped ? "grouped (e.g. depthwise) convolution" : "convolution", 2, 2, List.of(
                        AttrSpec.required("strides", AttrSpec.Kind.ARRAY),
                        AttrSpec.required("pads_begin", AttrSpec.Kind.ARRAY),
                        AttrSpec.required("pads_end", AttrSpec.Kind.ARRAY),
                        AttrSpec.required("dilations", AttrSpec.Kind.ARRAY),
                        AttrSpec.optional("auto_pad", AttrSpec.Kind.STRING, new StringAttr("explicit"))), Trait.PURE);
        this.grouped = grouped;
    }

    /** Weights as [G, Cout, Cin, K..], the resolved pads and the result type. */
    private record Plan(long[] weights, long[] padsBegin, TensorType result) {}

    private Plan plan(OpContext ctx) {
        Shapes.requireSameElementType(ctx, 0, 1);
        OvShapes.requireNumeric(ctx, 0, "data");
        long[] x = ctx.operandType(0).shape();
        long[] w = ctx.operandType(1).shape();
        int spatial = x.length - 2;
        if (spatial < 1) throw new OpError("data must have rank >= 3 ([N, C, X..]), got " + ctx.operandType(0));
        if (w.length != x.length + (grouped ? 1 : 0)) {
            throw new OpError("weights must have rank " + (x.length + (grouped ? 1 : 0)) + ", got " + ctx.operandType(1));
        }
        long[] gw = grouped ? w : OvShapes.concat(new long[] {1}, w);
        for (long d : gw) if (d == TensorType.DYNAMIC) throw new OpError("weights need a static shape, got " + ctx.operandType(1));
        long channels = gw[0] * gw[2];
        if (x[1] != TensorType.DYNAMIC && x[1] != channels) {
            throw new OpError("data has " + x[1] + " channels but the weights expect " + channels);
        }
        long[] strides = spatialAttr(ctx, "strides", spatial);
        long[] dilations = spatialAttr(ctx, "dilations", spatial);
        long[] begin = spatialAttr(ctx, "pads_begin", spatial);
        long[] end = spatialAttr(ctx, "pads_end", spatial);
        AutoPad mode = AutoPad.fromIrName(ctx.stringAttr("auto_pad"));
        if (mode == null) throw new OpError("unknown auto_pad \"" + ctx.stringAttr("auto_pad") + "\"");
        long[] out = new long[x.length];
        out[0] = x[0];
        out[1] = gw[0] * gw[1];
        long[] padsBegin = new long[spatial];
        for (int d = 0; d < spatial; d++) {
            if (strides[d] <= 0 || dilations[d] <= 0) throw new OpError("strides and dilations must be positive");
            long xd = x[d + 2];
            if (xd == TensorType.DYNAMIC) {
                out[d + 2] = TensorType.DYNAMIC;
                continue;
            }
            long[] p = ConvolutionKernel.pads(mode, xd, gw[d + 3], strides[d], dilations[d], begin[d], end[d]);
            padsBegin[d] = p[0];
            out[d + 2] = ConvolutionKernel.outDim(xd, gw[d + 3], strides[d], dilations[d], p[0], p[1]);
            if (out[d + 2] <= 0) throw new OpError("spatial dim " + d + " of size " + xd + " is too small for the kernel");
        }
        return new Plan(gw, padsBegin, TensorType.of(ctx.operandType(0).elementType(), out));
    }

    private static long[] spatialAttr(OpContext ctx, String name, int spatial) {
        long[] v = ctx.intArrayAttr(name);
        if (v.length != spatial) throw new OpError("'" + name + "' needs " + spatial + " entries, got " + v.length);
        return v;
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        return List.of(plan(ctx).result());
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        Plan p = plan(ctx);
        Tensor w = ctx.constantOperand(1).orElseThrow();
        return List.of(ConvolutionKernel.convolve(ctx.constantOperand(0).orElseThrow(), w.reshape(w.type().withShape(p.weights())),
                ctx.intArrayAttr("strides"), ctx.intArrayAttr("dilations"), p.padsBegin(), p.result()));
    }
}
