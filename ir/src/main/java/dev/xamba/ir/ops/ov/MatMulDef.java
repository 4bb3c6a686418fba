package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.MatMulShapes;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/**
 * {@code ov.MatMul(a, b) {transpose_a, transpose_b}}: OpenVINO MatMul-1. Rank-1 operands are promoted
 * (a to [1,K], b to [K,1]) and the added dim removed from the result; batch dims broadcast.
 */
final class MatMulDef extends OvOpDefinition {
    MatMulDef() {
        super("MatMul", "opset1", "batched matrix product", 2, 2,
                List.of(AttrSpec.flag("transpose_a"), AttrSpec.flag("transpose_b")), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) { return List.of(shapes(ctx).result()); }

    private static MatMulShapes shapes(OpContext ctx) {
        Shapes.requireSameElementType(ctx, 0, 1);
        return MatMulShapes.of(ctx.operandType(0), ctx.operandType(1), ctx.boolAttr("transpose_a"), ctx.boolAttr("transpose_b"));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        return List.of(shapes(ctx).evaluate(ctx.constantOperand(0).orElseThrow(), ctx.constantOperand(1).orElseThrow()));
    }
}
