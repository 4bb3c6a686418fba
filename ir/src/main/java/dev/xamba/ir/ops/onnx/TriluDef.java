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
 * {@code onnx.Trilu(input[, k]) {upper}}: zeroes one triangle of the last two dims. With {@code upper = 1}
 * (default) it keeps elements with {@code col - row >= k}, else those with {@code col - row <= k}; k defaults
 * to 0 (the main diagonal is kept either way).
 */
final class TriluDef extends OpDefinition {
    TriluDef() {
        super("onnx.Trilu", "keeps the upper or lower triangle", 1, 2,
                List.of(AttrSpec.optional("upper", AttrSpec.Kind.INT, IntegerAttr.i64(1))), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        TensorType x = ctx.operandType(0);
        if (x.rank() < 2) throw new OpError("input must have rank >= 2, got " + x);
        if (OnnxOperands.has(ctx, 1)) {
            if (!ctx.operandType(1).elementType().isInteger()) throw new OpError("k (operand #1) must be an integer, got " + ctx.operandType(1));
            OnnxOperands.requireScalarLike(ctx, 1, "k");
        }
        return List.of(x);
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        inferResultTypes(ctx);
        long k = OnnxOperands.has(ctx, 1) ? OnnxOperands.single(ctx.constantOperand(1).orElseThrow(), "k").getLong(0) : 0;
        return List.of(Reductions.trilu(ctx.constantOperand(0).orElseThrow(), k, ctx.intAttr("upper") != 0));
    }
}
