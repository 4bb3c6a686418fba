package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Reductions;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/**
 * {@code onnx.CumSum(x, axis) {exclusive, reverse}}: cumulative sum along the scalar integer {@code axis}
 * (a one-element vector is accepted, as exporters emit it). [1,2,3] gives [1,3,6]; exclusive [0,1,3];
 * reverse [6,5,3]; both [5,3,0].
 */
final class CumSumDef extends OpDefinition {
    CumSumDef() {
        super("onnx.CumSum", "cumulative sum along an axis", 2, 2, List.of(
                AttrSpec.optional("exclusive", AttrSpec.Kind.INT, IntegerAttr.i64(0)),
                AttrSpec.optional("reverse", AttrSpec.Kind.INT, IntegerAttr.i64(0))), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        OnnxOperands.requireNumeric(ctx, 0);
        if (!ctx.operandType(1).elementType().isInteger()) {
            throw new OpError("axis (operand #1) must be an integer tensor, got " + ctx.operandType(1));
        }
        OnnxOperands.requireScalarLike(ctx, 1, "axis");
        if (ctx.operandType(0).rank() == 0) throw new OpError("input must have rank >= 1");
        var axis = ctx.constantOperand(1);
        if (axis.isPresent()) axis(ctx, axis.get());
        return List.of(ctx.operandType(0));
    }

    private static int axis(OpContext ctx, Tensor axis) {
        return OnnxOperands.normalizeAxis(OnnxOperands.single(axis, "axis").getLong(0), ctx.operandType(0).rank(), "axis");
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        inferResultTypes(ctx);
        Tensor x = ctx.constantOperand(0).orElseThrow();
        return List.of(Reductions.cumsum(x, axis(ctx, ctx.constantOperand(1).orElseThrow()),
                ctx.intAttr("exclusive") != 0, ctx.intAttr("reverse") != 0));
    }
}
