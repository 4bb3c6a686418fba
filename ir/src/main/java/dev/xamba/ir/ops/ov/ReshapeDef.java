package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.ElementCounts;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code ov.Reshape(x, shape) {special_zero}}: OpenVINO Reshape-1. In the target shape, -1 is inferred and,
 * with {@code special_zero = true}, 0 copies the input dim at that position.
 */
final class ReshapeDef extends OvOpDefinition {
    ReshapeDef() {
        super("Reshape", "opset1", "changes the shape, keeping the elements", 2, 2,
                List.of(AttrSpec.required("special_zero", AttrSpec.Kind.BOOL)), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        Shapes.requireIntegerVectorOrScalar(ctx, 1, "shape");
        TensorType x = ctx.operandType(0);
        Optional<Tensor> target = ctx.constantOperand(1);
        if (target.isEmpty()) {
            TensorType st = ctx.operandType(1);
            long rank = st.rank() == 0 ? 1 : st.dim(0);
            if (rank == TensorType.DYNAMIC) throw new OpError("shape operand needs a static length");
            long[] dyn = new long[(int) rank];
            Arrays.fill(dyn, TensorType.DYNAMIC);
            return List.of(TensorType.of(x.elementType(), dyn));
        }
        return List.of(TensorType.of(x.elementType(), resolve(x.shape(), target.get().toLongs(), ctx.boolAttr("special_zero"))));
    }

    static long[] resolve(long[] in, long[] target, boolean specialZero) {
        long[] out = target.clone();
        int inferred = -1;
        long known = 1;
        boolean dynamic = false;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0 && specialZero) {
                if (i >= in.length) throw new OpError("shape entry 0 at position " + i + " has no input dim to copy");
                out[i] = in[i];
            }
            if (out[i] == -1) {
                if (inferred >= 0) throw new OpError("shape has more than one -1");
                inferred = i;
            } else if (out[i] < 0) {
                throw new OpError("shape entry " + out[i] + " is negative");
            } else if (out[i] == TensorType.DYNAMIC) {
                dynamic = true;
            } else {
                known = ElementCounts.multiply(known, out[i], () -> "element count of shape " + Arrays.toString(target));
            }
        }
        long total = 1;
        for (long d : in) {
            if (d == TensorType.DYNAMIC) dynamic = true;
            else total = ElementCounts.multiply(total, d, () -> "element count of the input");
        }
        if (inferred >= 0) {
            if (dynamic) out[inferred] = TensorType.DYNAMIC;
            else if (known == 0 || total % known != 0) throw new OpError("cannot infer -1: " + total + " elements into " + Arrays.toString(target));
            else out[inferred] = total / known;
        } else if (!dynamic && known != total) {
            throw new OpError("cannot reshape " + total + " elements into [" + Shapes.format(out) + "]");
        }
        return out;
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        return List.of(ctx.constantOperand(0).orElseThrow().reshape(inferResultTypes(ctx).get(0)));
    }
}
