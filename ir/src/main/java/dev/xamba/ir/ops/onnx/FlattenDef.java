package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.ElementCounts;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/** {@code onnx.Flatten(input) {axis}}: a matrix [prod(dims before axis), prod(dims from axis)]; axis in [-rank, rank]. */
final class FlattenDef extends OpDefinition {
    FlattenDef() {
        super("onnx.Flatten", "reshapes to a matrix around an axis", 1, 1,
                List.of(AttrSpec.optional("axis", AttrSpec.Kind.INT, IntegerAttr.i64(1))), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        TensorType x = ctx.operandType(0);
        long axis = ctx.intAttr("axis");
        int rank = x.rank();
        if (axis < -rank || axis > rank) throw new OpError("axis " + axis + " is out of range for rank " + rank + " (expected " + -rank + " to " + rank + ")");
        int split = (int) (axis < 0 ? axis + rank : axis);
        return List.of(x.withShape(product(x, 0, split), product(x, split, rank)));
    }

    private static long product(TensorType x, int from, int to) {
        long p = 1;
        for (int d = from; d < to; d++) {
            if (x.dim(d) == TensorType.DYNAMIC) return TensorType.DYNAMIC;
            p = ElementCounts.multiply(p, x.dim(d), () -> "flattened dimension of " + x);
        }
        return p;
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        return List.of(ctx.constantOperand(0).orElseThrow().reshape(inferResultTypes(ctx).get(0)));
    }
}
