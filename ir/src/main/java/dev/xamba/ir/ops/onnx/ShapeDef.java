package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code onnx.Shape(data) {start, end}}: the dims of data as an i64 vector, sliced to [start, end) (negative
 * values count from the rank, both clamp to [0, rank]; absent end means the rank).
 */
final class ShapeDef extends OpDefinition {
    ShapeDef() {
        super("onnx.Shape", "the shape of a tensor as an i64 vector", 1, 1, List.of(
                AttrSpec.optional("end", AttrSpec.Kind.INT, null),
                AttrSpec.optional("start", AttrSpec.Kind.INT, IntegerAttr.i64(0))), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        int[] range = range(ctx);
        return List.of(TensorType.of(ElementType.I64, range[1] - range[0]));
    }

    /** [start, end) after clamping; end >= start. */
    private static int[] range(OpContext ctx) {
        int rank = ctx.operandType(0).rank();
        int start = clamp(ctx.intAttr("start"), rank);
        int end = ctx.attr("end") == null ? rank : clamp(ctx.intAttr("end"), rank);
        return new int[] {start, Math.max(start, end)};
    }

    private static int clamp(long v, int rank) {
        long r = v < 0 ? v + rank : v;
        return (int) Math.max(0, Math.min(rank, r));
    }

    /**
     * The op's value when data's selected dims are known, for folding shape computations that do not depend on
     * data's contents; empty while a selected dim is dynamic.
     */
    static Optional<Tensor> staticValue(OpContext ctx) {
        int[] range = range(ctx);
        long[] dims = Arrays.copyOfRange(ctx.operandType(0).shape(), range[0], range[1]);
        for (long d : dims) if (d == TensorType.DYNAMIC) return Optional.empty();
        return Optional.of(Tensor.ofLongs(TensorType.of(ElementType.I64, dims.length), dims));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        return List.of(staticValue(ctx).orElseThrow(() -> new OpError("shape of a tensor with dynamic dims")));
    }
}
