package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Elementwise;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/** {@code onnx.Where(condition, x, y)}: x where the boolean condition holds, else y; all three broadcast. */
final class WhereDef extends OpDefinition {
    WhereDef() {
        super("onnx.Where", "elementwise selection by a boolean condition", 3, 3, List.of(), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        OnnxOperands.requireBool(ctx, 0, "condition");
        OnnxOperands.requireSameElementType(ctx, 1, 2);
        long[] shape = Shapes.broadcast(ctx.operandType(0).shape(),
                Shapes.broadcast(ctx.operandType(1).shape(), ctx.operandType(2).shape()));
        return List.of(TensorType.of(ctx.operandType(1).elementType(), shape));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        return List.of(Elementwise.where(ctx.constantOperand(0).orElseThrow(), ctx.constantOperand(1).orElseThrow(),
                ctx.constantOperand(2).orElseThrow(), inferResultTypes(ctx).get(0)));
    }
}
