package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Reductions;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code onnx.ReduceSum/ReduceMean/ReduceMax/ReduceMin(data[, axes]) {keepdims, noop_with_empty_axes}} in the
 * opset-18 form (axes as an input). Absent or empty axes reduce every dim, or nothing when
 * {@code noop_with_empty_axes = 1}; {@code keepdims = 1} (default) keeps reduced dims as 1.
 */
final class ReduceDef extends OpDefinition {
    private final Reductions.Kind kind;

    ReduceDef(Reductions.Kind kind, String opType) {
        super("onnx." + opType, "reduction over axes", 1, 2, List.of(
                AttrSpec.optional("keepdims", AttrSpec.Kind.INT, IntegerAttr.i64(1)),
                AttrSpec.optional("noop_with_empty_axes", AttrSpec.Kind.INT, IntegerAttr.i64(0))), Trait.PURE);
        this.kind = kind;
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        OnnxOperands.requireNumeric(ctx, 0);
        TensorType x = ctx.operandType(0);
        boolean keep = ctx.intAttr("keepdims") != 0;
        long axesCount = OnnxOperands.has(ctx, 1) ? OnnxOperands.intVector(ctx, 1, "axes") : 0;
        Optional<boolean[]> reduced = reducedAxes(ctx);
        if (reduced.isEmpty()) {
            if (!keep && axesCount == TensorType.DYNAMIC) {
                throw new OpError("with keepdims = 0 the result rank depends on the number of axes, which is unknown");
            }
            return List.of(OnnxOperands.dynamic(x.elementType(), keep ? x.rank() : (int) (x.rank() - axesCount)));
        }
        boolean[] r = reduced.get();
        int n = 0;
        for (int d = 0; d < r.length; d++) if (keep || !r[d]) n++;
        long[] out = new long[n];
        for (int d = 0, j = 0; d < r.length; d++) {
            if (!r[d]) out[j++] = x.dim(d);
            else if (keep) out[j++] = 1;
        }
        return List.of(TensorType.of(x.elementType(), out));
    }

    /** The reduced dims, when known: from constant axes, or all/none when axes are absent or empty. */
    private static Optional<boolean[]> reducedAxes(OpContext ctx) {
        int rank = ctx.operandType(0).rank();
        long[] axes = new long[0];
        if (OnnxOperands.has(ctx, 1) && ctx.operandType(1).dim(0) != 0) {
            Optional<long[]> a = OnnxOperands.ints(ctx, 1);
            if (a.isEmpty()) return Optional.empty();
            axes = a.get();
        }
        if (axes.length > 0) return Optional.of(OnnxOperands.axisSet(axes, rank, "axes"));
        boolean[] all = new boolean[rank];
        Arrays.fill(all, ctx.intAttr("noop_with_empty_axes") == 0);
        return Optional.of(all);
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        Tensor x = ctx.constantOperand(0).orElseThrow();
        boolean[] reduced = reducedAxes(ctx).orElseThrow();
        return List.of(Reductions.reduce(x, reduced, kind, out));
    }
}
