package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Slicing;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.ArrayList;
import java.util.List;

/** {@code ov.Concat(x1, ..., xn) {axis}}: OpenVINO Concat-1; same element type and rank, other dims equal. */
final class ConcatDef extends OvOpDefinition {
    ConcatDef() {
        super("Concat", "opset1", "joins tensors along an axis", 1, VARIADIC,
                List.of(AttrSpec.required("axis", AttrSpec.Kind.INT)), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        TensorType first = ctx.operandType(0);
        if (first.rank() == 0) throw new OpError("operands must have rank >= 1");
        int axis = Shapes.normalizeAxis(ctx.intAttr("axis"), first.rank(), "axis");
        long[] out = first.shape();
        for (int i = 1; i < ctx.numOperands(); i++) {
            Shapes.requireSameElementType(ctx, 0, i);
            TensorType t = ctx.operandType(i);
            if (t.rank() != first.rank()) throw new OpError("operand #" + i + " has rank " + t.rank() + ", expected " + first.rank());
            for (int d = 0; d < out.length; d++) {
                long n = t.dim(d);
                if (d == axis) {
                    out[d] = out[d] == TensorType.DYNAMIC || n == TensorType.DYNAMIC ? TensorType.DYNAMIC : out[d] + n;
                } else if (out[d] == TensorType.DYNAMIC) {
                    out[d] = n;
                } else if (n != TensorType.DYNAMIC && n != out[d]) {
                    throw new OpError("operand #" + i + " has dim " + d + " = " + n + ", expected " + out[d]);
                }
            }
        }
        return List.of(first.withShape(out));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < ctx.numOperands(); i++) inputs.add(ctx.constantOperand(i).orElseThrow());
        return List.of(Slicing.concat(inputs, Shapes.normalizeAxis(ctx.intAttr("axis"), out.rank(), "axis"), out));
    }
}
