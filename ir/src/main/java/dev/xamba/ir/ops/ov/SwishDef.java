package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Activations;
import dev.xamba.ir.eval.kernels.Elementwise;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/** {@code ov.Swish(x[, beta])}: OpenVINO Swish-4, {@code x * sigmoid(beta * x)}; beta is a scalar, default 1. */
final class SwishDef extends OvOpDefinition {
    SwishDef() {
        super("Swish", "opset4", "x * sigmoid(beta * x)", 1, 2, List.of(), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        if (!ctx.operandType(0).elementType().isFloat()) throw new OpError("operand #0 must be a float tensor, got " + ctx.operandType(0));
        if (ctx.numOperands() == 2) {
            Shapes.requireSameElementType(ctx, 0, 1);
            OvShapes.requireScalar(ctx, 1, "beta");
        }
        return List.of(ctx.operandType(0));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        Tensor x = ctx.constantOperand(0).orElseThrow();
        double beta = ctx.numOperands() == 2 ? ctx.constantOperand(1).orElseThrow().getDouble(0) : 1.0;
        return List.of(Elementwise.map(x, x.type(), v -> v * Activations.sigmoid(beta * v), v -> v));
    }
}
