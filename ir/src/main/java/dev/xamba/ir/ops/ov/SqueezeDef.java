package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Optional;

/**
 * {@code ov.Squeeze(x[, axes])}: OpenVINO Squeeze-1 (the version the NPU imports). Removes the listed dims, or
 * every dim of size 1 when axes are absent or empty. Like OpenVINO 2026, a listed dim whose static size is not 1
 * is silently kept; a listed dynamic dim is assumed to be 1.
 */
final class SqueezeDef extends OvOpDefinition {
    SqueezeDef() {
        super("Squeeze", "opset1", "removes dims of size 1", 1, 2, List.of(), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        TensorType x = ctx.operandType(0);
        if (ctx.numOperands() == 2) {
            Shapes.requireIntegerVectorOrScalar(ctx, 1, "axes");
            Optional<long[]> axes = OvShapes.constantLongs(ctx, 1);
            if (axes.isEmpty()) {
                TensorType at = ctx.operandType(1);
                long n = at.rank() == 0 ? 1 : at.dim(0);
                if (n == TensorType.DYNAMIC) throw new OpError("axes need a constant value or a static length");
                return List.of(TensorType.of(x.elementType(), OvShapes.dynamic((int) Math.max(x.rank() - n, 0))));
            }
            if (axes.get().length > 0) return List.of(x.withShape(squeeze(x.shape(), axes.get())));
        }
        long[] kept = new long[x.rank()];
        int n = 0;
        for (long d : x.shape()) {
            if (d == TensorType.DYNAMIC) throw new OpError("squeezing without axes needs a static shape, got " + x);
            if (d != 1) kept[n++] = d;
        }
        return List.of(x.withShape(java.util.Arrays.copyOf(kept, n)));
    }

    private static long[] squeeze(long[] shape, long[] axes) {
        boolean[] drop = new boolean[shape.length];
        for (long a : axes) {
            int d = Shapes.normalizeAxis(a, shape.length, "axis");
            drop[d] = shape[d] == 1 || shape[d] == TensorType.DYNAMIC;
        }
        long[] kept = new long[shape.length];
        int n = 0;
        for (int d = 0; d < shape.length; d++) if (!drop[d]) kept[n++] = shape[d];
        return java.util.Arrays.copyOf(kept, n);
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        return List.of(ctx.constantOperand(0).orElseThrow().reshape(inferResultTypes(ctx).get(0)));
    }
}
