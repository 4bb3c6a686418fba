package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.kernels.Reductions;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Optional;

/**
 * {@code ov.ReduceSum(x, axes) {keep_dims}} and its siblings (opset1): reduction over the axes given by an integer
 * input (scalar or vector; an empty vector reduces nothing). {@code keep_dims} defaults to false, as in OpenVINO.
 * ReduceMean of integers truncates toward zero.
 */
final class ReduceDef extends OvOpDefinition {
    enum Kind {
        SUM("ReduceSum", Reductions.Kind.SUM),
        MEAN("ReduceMean", Reductions.Kind.MEAN),
        MAX("ReduceMax", Reductions.Kind.MAX),
        MIN("ReduceMin", Reductions.Kind.MIN),
        PROD("ReduceProd", Reductions.Kind.PROD);

        final String irType;
        final Reductions.Kind reduction;

        Kind(String irType, Reductions.Kind reduction) {
            this.irType = irType;
            this.reduction = reduction;
        }
    }

    private final Kind kind;

    ReduceDef(Kind kind) {
        super(kind.irType, "opset1", "reduction over axes", 2, 2, List.of(AttrSpec.flag("keep_dims")), Trait.PURE);
        this.kind = kind;
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        Shapes.requireIntegerVectorOrScalar(ctx, 1, "axes");
        OvShapes.requireNumeric(ctx, 0, "data");
        TensorType x = ctx.operandType(0);
        boolean keep = ctx.boolAttr("keep_dims");
        Optional<boolean[]> reduced = reducedAxes(ctx);
        if (reduced.isEmpty()) {
            // Unknown axes: the rank is known only when dims are kept or the axes count is static.
            long count = ctx.operandType(1).rank() == 0 ? 1 : ctx.operandType(1).dim(0);
            if (!keep && count == TensorType.DYNAMIC) throw new OpError("axes need a static length");
            if (!keep && count > x.rank()) throw new OpError("axes has " + count + " entries, more than the rank " + x.rank() + " of the data");
            int rank = keep ? x.rank() : (int) (x.rank() - count);
            return List.of(TensorType.of(x.elementType(), OvShapes.dynamic(Math.max(rank, 0))));
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
        Tensor x = ctx.constantOperand(0).orElseThrow();
        return List.of(Reductions.reduce(x, reduced, kind.reduction, out));
    }
}
