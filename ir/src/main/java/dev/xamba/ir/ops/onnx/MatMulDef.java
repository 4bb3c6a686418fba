package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.MatMulShapes;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/**
 * {@code onnx.MatMul(a, b)}: NumPy matmul. A rank-1 a is read as [1, K] and a rank-1 b as [K, 1], and the added
 * dim is dropped from the result; leading (batch) dims broadcast.
 */
final class MatMulDef extends OpDefinition {
    MatMulDef() {
        super("onnx.MatMul", "NumPy-style matrix product", 2, 2, List.of(), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) { return List.of(shapes(ctx).result()); }

    private static MatMulShapes shapes(OpContext ctx) {
        OnnxOperands.requireNumeric(ctx, 0);
        OnnxOperands.requireSameElementType(ctx, 0, 1);
        return MatMulShapes.of(ctx.operandType(0), ctx.operandType(1), false, false);
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        return List.of(shapes(ctx).evaluate(ctx.constantOperand(0).orElseThrow(), ctx.constantOperand(1).orElseThrow()));
    }
}
