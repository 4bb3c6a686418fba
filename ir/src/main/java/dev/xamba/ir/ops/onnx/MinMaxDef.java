package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Elementwise;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/** ONNX Max and Min: elementwise over any number of operands of one type, all broadcast together; NaN wins. */
final class MinMaxDef extends OpDefinition {
    private final boolean max;

    MinMaxDef(boolean max) {
        super(max ? "onnx.Max" : "onnx.Min", "elementwise " + (max ? "maximum" : "minimum") + " of its operands", 1,
                VARIADIC, List.of(), Trait.PURE);
        this.max = max;
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        OnnxOperands.requireNumeric(ctx, 0);
        long[] shape = ctx.operandType(0).shape();
        for (int i = 1; i < ctx.numOperands(); i++) {
            OnnxOperands.requireSameElementType(ctx, 0, i);
            shape = Shapes.broadcast(shape, ctx.operandType(i).shape());
        }
        return List.of(TensorType.of(ctx.operandType(0).elementType(), shape));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        Tensor acc = ctx.constantOperand(0).orElseThrow();
        for (int i = 1; i < ctx.numOperands(); i++) {
            Tensor next = ctx.constantOperand(i).orElseThrow();
            TensorType t = TensorType.of(acc.elementType(), Shapes.broadcast(acc.type().shape(), next.type().shape()));
            acc = max ? Elementwise.zip(acc, next, t, Math::max, Math::max) : Elementwise.zip(acc, next, t, Math::min, Math::min);
        }
        return List.of(acc);
    }
}
