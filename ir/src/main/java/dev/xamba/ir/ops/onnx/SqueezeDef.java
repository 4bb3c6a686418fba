package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Optional;

/**
 * {@code onnx.Squeeze(data[, axes])}: removes the listed dims, which must be 1; without axes, removes every dim
 * of size 1 (which needs all dims known, as it decides the result's rank).
 */
final class SqueezeDef extends OpDefinition {
    SqueezeDef() {
        super("onnx.Squeeze", "removes dims of size 1", 1, 2, List.of(), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        TensorType x = ctx.operandType(0);
        Optional<boolean[]> removed = removed(ctx);
        if (removed.isEmpty()) {
            int n = OnnxOperands.staticIntVector(ctx, 1, "axes");
            if (n > x.rank()) throw new OpError("axes has " + n + " entries for a rank-" + x.rank() + " input");
            return List.of(OnnxOperands.dynamic(x.elementType(), x.rank() - n));
        }
        long[] out = new long[x.rank()];
        int j = 0;
        for (int d = 0; d < x.rank(); d++) if (!removed.get()[d]) out[j++] = x.dim(d);
        return List.of(TensorType.of(x.elementType(), java.util.Arrays.copyOf(out, j)));
    }

    private static Optional<boolean[]> removed(OpContext ctx) {
        TensorType x = ctx.operandType(0);
        if (OnnxOperands.has(ctx, 1)) {
            OnnxOperands.intVector(ctx, 1, "axes");
            Optional<long[]> axes = OnnxOperands.ints(ctx, 1);
            if (axes.isEmpty()) return Optional.empty();
            if (axes.get().length > 0) {
                boolean[] r = OnnxOperands.axisSet(axes.get(), x.rank(), "axes");
                for (int d = 0; d < r.length; d++) {
                    if (r[d] && x.dim(d) != 1 && x.dim(d) != TensorType.DYNAMIC) {
                        throw new OpError("cannot squeeze dim " + d + " of " + x + ": its size is " + x.dim(d) + ", not 1");
                    }
                }
                return Optional.of(r);
            }
        }
        boolean[] r = new boolean[x.rank()];
        for (int d = 0; d < r.length; d++) {
            if (x.dim(d) == TensorType.DYNAMIC) {
                throw new OpError("squeezing without axes needs every dim known, got " + x + ": the result rank depends on it");
            }
            r[d] = x.dim(d) == 1;
        }
        return Optional.of(r);
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        return List.of(ctx.constantOperand(0).orElseThrow().reshape(inferResultTypes(ctx).get(0)));
    }
}
