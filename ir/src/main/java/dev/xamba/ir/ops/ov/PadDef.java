package dev.xamba.ir.ops.ov;

import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.ov.PadKernel;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Optional;

/**
 * {@code ov.Pad(x, pads_begin, pads_end[, pad_value]) {pad_mode}}: OpenVINO Pad-12. Pads are integer vectors with
 * one entry per dim (negative crops); pad_value is a scalar of x's type, used in {@code constant} mode only.
 */
final class PadDef extends OvOpDefinition {
    PadDef() {
        super("Pad", "opset12", "pads or crops each dim", 3, 4,
                List.of(AttrSpec.optional("pad_mode", AttrSpec.Kind.STRING, new StringAttr("constant"))), Trait.PURE);
    }

    private static PadKernel.Mode mode(OpContext ctx) {
        PadKernel.Mode m = PadKernel.Mode.fromIrName(ctx.stringAttr("pad_mode"));
        if (m == null) throw new OpError("unknown pad_mode \"" + ctx.stringAttr("pad_mode") + "\" (expected constant, edge, reflect or symmetric)");
        return m;
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        PadKernel.Mode mode = mode(ctx);
        OvShapes.requireIntegerVector(ctx, 1, "pads_begin");
        OvShapes.requireIntegerVector(ctx, 2, "pads_end");
        if (ctx.numOperands() == 4) {
            if (mode != PadKernel.Mode.CONSTANT) throw new OpError("pad_value (operand #3) is only for pad_mode \"constant\"");
            Shapes.requireSameElementType(ctx, 0, 3);
            OvShapes.requireScalar(ctx, 3, "pad_value");
        }
        TensorType x = ctx.operandType(0);
        Optional<long[]> begin = OvShapes.constantLongs(ctx, 1);
        Optional<long[]> end = OvShapes.constantLongs(ctx, 2);
        if (begin.isEmpty() || end.isEmpty()) return List.of(x.withShape(OvShapes.dynamic(x.rank())));
        long[] b = begin.get();
        long[] e = end.get();
        if (b.length != x.rank() || e.length != x.rank()) {
            throw new OpError("pads_begin and pads_end need " + x.rank() + " entries, got " + b.length + " and " + e.length);
        }
        long[] out = new long[x.rank()];
        for (int d = 0; d < out.length; d++) {
            long n = x.dim(d);
            if (n == TensorType.DYNAMIC) {
                out[d] = TensorType.DYNAMIC;
                continue;
            }
            if (Math.max(b[d], e[d]) > mode.maxPad(n)) {
                throw new OpError("pad_mode \"" + mode.irName() + "\" allows pads up to " + mode.maxPad(n) + " on dim " + d
                        + " of size " + n + ", got " + b[d] + " and " + e[d]);
            }
            out[d] = n + b[d] + e[d];
            if (out[d] < 0) throw new OpError("pads crop dim " + d + " of size " + n + " below zero");
        }
        return List.of(x.withShape(out));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        Tensor value = ctx.numOperands() == 4 ? ctx.constantOperand(3).orElseThrow() : null;
        return List.of(PadKernel.pad(ctx.constantOperand(0).orElseThrow(), ctx.constantOperand(1).orElseThrow().toLongs(),
                mode(ctx), value, out));
    }
}
