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
 * {@code ov.Unsqueeze(x, axes)}: OpenVINO Unsqueeze-1. Inserts dims of size 1 at the axes, which count in the
 * output's rank (negative from its end); repeated axes count once, as in OpenVINO.
 */
final class UnsqueezeDef extends OvOpDefinition {
    UnsqueezeDef() {
        super("Unsqueeze", "opset1", "inserts dims of size 1", 2, 2, List.of(), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        Shapes.requireIntegerVectorOrScalar(ctx, 1, "axes");
        TensorType x = ctx.operandType(0);
        Optional<long[]> axes = OvShapes.constantLongs(ctx, 1);
        if (axes.isEmpty()) throw new OpError("axes (operand #1) must be a constant");
        long[] distinct = distinct(axes.get());
        int rank = x.rank() + distinct.length;
        boolean[] inserted = new boolean[rank];
        for (long a : distinct) {
            int d = Shapes.normalizeAxis(a, rank, "axis");
            if (inserted[d]) throw new OpError("axes " + java.util.Arrays.toString(axes.get()) + " name dim " + d + " twice");
            inserted[d] = true;
        }
        long[] out = new long[rank];
        int j = 0;
        for (int d = 0; d < rank; d++) out[d] = inserted[d] ? 1 : x.dim(j++);
        return List.of(x.withShape(out));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        return List.of(ctx.constantOperand(0).orElseThrow().reshape(inferResultTypes(ctx).get(0)));
    }

    /**
     * The axes without repeats, sorted (only the set matters). A sort rather than a stream: shape inference runs mostly
     * interpreted, where a stream pipeline costs tens of microseconds; and no quadratic scan, whatever the axes' count.
     */
    private static long[] distinct(long[] axes) {
        long[] sorted = axes.clone();
        java.util.Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) if (i == 0 || sorted[i] != sorted[i - 1]) sorted[n++] = sorted[i];
        return java.util.Arrays.copyOf(sorted, n);
    }
}
