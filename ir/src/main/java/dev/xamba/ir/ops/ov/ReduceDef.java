package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Kernels;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;

/**
 * {@code ov.ReduceSum(x, axes) {keep_dims}} and its siblings (opset1): reduction over the axes given by an integer
 * input (scalar or vector; an empty vector reduces nothing). {@code keep_dims} defaults to false, as in OpenVINO.
 * ReduceMean of integers truncates toward zero.
 */
final class ReduceDef extends OvOpDefinition {
    enum Kind {
        SUM("ReduceSum", 0.0, Double::sum),
        MEAN("ReduceMean", 0.0, Double::sum),
        MAX("ReduceMax", Double.NEGATIVE_INFINITY, Math::max),
        MIN("ReduceMin", Double.POSITIVE_INFINITY, Math::min),
        PROD("ReduceProd", 1.0, (a, b) -> a * b);

        final String irType;
        final double init;
        final DoubleBinaryOperator op;

        Kind(String irType, double init, DoubleBinaryOperator op) {
            this.irType = irType;
            this.init = init;
            this.op = op;
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
        if (kind != Kind.MEAN) return List.of(Kernels.reduce(x, reduced, out, kind.init, kind.op));
        // Sum in f64, divide, then round (floats) or truncate (integers) into the result type.
        TensorType wide = out.withElementType(ElementType.F64);
        double[] mean = Kernels.reduce(x, reduced, wide, 0.0, Double::sum).toDoubles();
        long count = 1;
        for (int d = 0; d < reduced.length; d++) if (reduced[d]) count *= x.type().dim(d);
        for (int i = 0; i < mean.length; i++) mean[i] /= count;
        return List.of(ConvertDef.convert(Tensor.ofDoubles(wide, mean), out));
    }
}
