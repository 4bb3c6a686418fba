package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Slicing;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.ArrayList;
import java.util.List;

/** {@code onnx.Concat(inputs...) {axis}}: joins tensors of one element type and rank along {@code axis}. */
final class ConcatDef extends OpDefinition {
    ConcatDef() {
        super("onnx.Concat", "joins tensors along an axis", 1, VARIADIC, List.of(AttrSpec.required("axis", AttrSpec.Kind.INT)),
                Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        TensorType first = ctx.operandType(0);
        int rank = first.rank();
        if (rank == 0) throw new OpError("cannot concatenate scalars (operand #0 is " + first + ")");
        int axis = OnnxOperands.normalizeAxis(ctx.intAttr("axis"), rank, "axis");
        long[] out = first.shape();
        for (int i = 1; i < ctx.numOperands(); i++) {
            TensorType t = ctx.operandType(i);
            OnnxOperands.requireSameElementType(ctx, 0, i);
            if (t.rank() != rank) throw new OpError("operand #" + i + " has rank " + t.rank() + " but operand #0 has rank " + rank);
            for (int d = 0; d < rank; d++) {
                long x = out[d];
                long y = t.dim(d);
                if (d == axis) {
                    out[d] = x == TensorType.DYNAMIC || y == TensorType.DYNAMIC ? TensorType.DYNAMIC : x + y;
                } else if (x == TensorType.DYNAMIC) {
                    out[d] = y;
                } else if (y != TensorType.DYNAMIC && x != y) {
                    throw new OpError("operand #" + i + " (" + t + ") differs from the others in dim " + d + ": " + y + " vs " + x);
                }
            }
        }
        return List.of(TensorType.of(first.elementType(), out));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < ctx.numOperands(); i++) inputs.add(ctx.constantOperand(i).orElseThrow());
        int axis = OnnxOperands.normalizeAxis(ctx.intAttr("axis"), out.rank(), "axis");
        return List.of(Slicing.concat(inputs, axis, out));
    }
}
