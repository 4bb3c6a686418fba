package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Optional;

/** {@code onnx.Unsqueeze(data, axes)}: inserts dims of size 1 at {@code axes}, which index the result's dims. */
final class UnsqueezeDef extends OpDefinition {
    UnsqueezeDef() {
        super("onnx.Unsqueeze", "inserts dims of size 1", 2, 2, List.of(), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        TensorType x = ctx.operandType(0);
        int rank = x.rank() + OnnxOperands.staticIntVector(ctx, 1, "axes");
        Optional<long[]> axes = OnnxOperands.ints(ctx, 1);
        if (axes.isEmpty()) return List.of(OnnxOperands.dynamic(x.elementType(), rank));
        boolean[] inserted = OnnxOperands.axisSet(axes.get(), rank, "axes");
        long[] out = new long[rank];
        for (int d = 0, j = 0; d < rank; d++) out[d] = inserted[d] ? 1 : x.dim(j++);
        return List.of(TensorType.of(x.elementType(), out));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        return List.of(ctx.constantOperand(0).orElseThrow().reshape(inferResultTypes(ctx).get(0)));
    }
}
