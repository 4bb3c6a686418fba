package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Gathering;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;

/**
 * {@code onnx.Expand(x, shape)}: broadcasts x with {@code shape} in both directions, so the result dim is the
 * larger of the two at each (right-aligned) position; {@code shape} may have 1s or fewer dims than x.
 */
final class ExpandDef extends OpDefinition {
    ExpandDef() {
        super("onnx.Expand", "broadcasts to a shape (bidirectionally)", 2, 2, List.of(), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        TensorType x = ctx.operandType(0);
        int len = OnnxOperands.staticIntVector(ctx, 1, "shape");
        var shape = OnnxOperands.ints(ctx, 1);
        if (shape.isPresent()) {
            for (long d : shape.get()) {
                if (d < 0) throw new OpError("shape " + Arrays.toString(shape.get()) + " has a negative dim");
            }
            return List.of(TensorType.of(x.elementType(), Shapes.broadcast(x.shape(), shape.get())));
        }
        return List.of(TensorType.of(x.elementType(), Shapes.broadcastWithUnknown(x.shape(), len)));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        OnnxOperands.requireEvaluable(out);
        return List.of(Gathering.expand(ctx.constantOperand(0).orElseThrow(), out));
    }
}
