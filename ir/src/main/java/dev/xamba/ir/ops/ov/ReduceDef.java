package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Kernels;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Optional;

/** {@code ov.ReduceSum(x, axes) {keep_dims}}: reduction over the axes given by a constant integer input. */
final class ReduceDef extends OpDefinition {
    enum Kind { SUM("ov.ReduceSum") ;
        final String opName;

        Kind(String opName) { this.opName = opName; }
    }

    private final Kind kind;

    ReduceDef(Kind kind) {
        super(kind.opName, "reduction over axes", 2, 2, List.of(AttrSpec.flag("keep_dims")), Trait.PURE);
        this.kind = kind;
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        Shapes.requireIntegerVectorOrScalar(ctx, 1, "axes");
        TensorType x = ctx.operandType(0);
        boolean keep = ctx.boolAttr("keep_dims");
        Optional<boolean[]> reduced = reducedAxes(ctx);
        if (reduced.isEmpty()) {
            // Unknown axes: the rank is known only when dims are kept or the axes count is static.
            long count = ctx.operandType(1).rank() == 0 ? 1 : ctx.operandType(1).dim(0);
            int rank = keep ? x.rank() : (int) (x.rank() - count);
            long[] dyn = new long[Math.max(rank, 0)];
            java.util.Arrays.fill(dyn, TensorType.DYNAMIC);
            return List.of(TensorType.of(x.elementType(), dyn));
        }
        return List.of(TensorType.of(x.elementType(), outShape(x.shape(), reduced.get(), keep)));
    }

    private static Optional<boolean[]> reducedAxes(OpContext ctx) {
        Optional<Tensor> axes = ctx.constantOperand(1);
        if (axes.isEmpty()) return Optional.empty();
        int rank = ctx.operandType(0).rank();
        boolean[] r = new boolean[rank];
        for (int i = 0; i < axes.get().size(); i++) r[Shapes.normalizeAxis(axes.get().getLong(i), rank, "axis")] = true;
        return Optional.of(r);
    }

    private static long[] outShape(long[] in, boolean[] reduced, boolean keep) {
        int n = 0;
        for (int d = 0; d < in.length; d++) if (keep || !reduced[d]) n++;
        long[] out = new long[n];
        int j = 0;
        for (int d = 0; d < in.length; d++) {
            if (reduced[d]) {
                if (keep) out[j++] = 1;
            } else {
                out[j++] = in[d];
            }
        }
        return out;
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        boolean[] reduced = reducedAxes(ctx).orElseThrow();
        return List.of(Kernels.reduce(ctx.constantOperand(0).orElseThrow(), reduced, out, 0.0, Double::sum));
    }
}
