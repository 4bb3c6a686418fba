package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Reductions;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/**
 * {@code ov.CumSum(x, axis) {exclusive, reverse}}: OpenVINO CumSum-3; the axis is a scalar integer input. The spec
 * makes the axis optional, but OpenVINO 2026 fails to read a one-input CumSum layer ("index '1' out of range"), so
 * the dialect requires it.
 */
final class CumSumDef extends OvOpDefinition {
    CumSumDef() {
        super("CumSum", "opset3", "cumulative sum along an axis", 2, 2,
                List.of(AttrSpec.flag("exclusive"), AttrSpec.flag("reverse")), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        Shapes.requireInteger(ctx, 1, "axis");
        if (ctx.operandType(1).rank() != 0) throw new OpError("axis (operand #1) must be a scalar, got " + ctx.operandType(1));
        var axis = ctx.constantOperand(1);
        if (axis.isPresent()) Shapes.normalizeAxis(axis.get().getLong(0), ctx.operandType(0).rank(), "axis");
        return List.of(ctx.operandType(0));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        Tensor x = ctx.constantOperand(0).orElseThrow();
        int a = Shapes.normalizeAxis(ctx.constantOperand(1).orElseThrow().getLong(0), x.type().rank(), "axis");
        return List.of(Reductions.cumsum(x, a, ctx.boolAttr("exclusive"), ctx.boolAttr("reverse")));
    }
}
