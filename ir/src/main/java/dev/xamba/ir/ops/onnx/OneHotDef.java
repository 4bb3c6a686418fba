package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Gathering;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/**
 * {@code onnx.OneHot(indices, depth, values) {axis}}: inserts an axis of length {@code depth} (at {@code axis} of
 * the result, default last) holding {@code values[1]} at each index and {@code values[0]} elsewhere. Negative
 * indices count from {@code depth}; indices outside [-depth, depth) give a row of {@code values[0]}.
 */
final class OneHotDef extends OpDefinition {
    OneHotDef() {
        super("onnx.OneHot", "one-hot encoding of indices", 3, 3,
                List.of(AttrSpec.optional("axis", AttrSpec.Kind.INT, IntegerAttr.i64(-1))), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        TensorType indices = ctx.operandType(0);
        OnnxOperands.requireNumeric(ctx, 0);
        OnnxOperands.requireNumeric(ctx, 1);
        OnnxOperands.requireScalarLike(ctx, 1, "depth");
        TensorType values = ctx.operandType(2);
        if (values.rank() != 1 || (values.dim(0) != 2 && values.dim(0) != TensorType.DYNAMIC)) {
            throw new OpError("values (operand #2) must be [off, on] of shape [2], got " + values);
        }
        int rank = indices.rank() + 1;
        int axis = OnnxOperands.normalizeAxis(ctx.intAttr("axis"), rank, "axis");
        long depth = ctx.constantOperand(1).map(OneHotDef::depth).orElse(TensorType.DYNAMIC);
        long[] out = new long[rank];
        for (int d = 0, j = 0; d < rank; d++) out[d] = d == axis ? depth : indices.dim(j++);
        return List.of(TensorType.of(values.elementType(), out));
    }

    private static long depth(Tensor t) {
        Tensor d = OnnxOperands.single(t, "depth");
        long depth = d.isFloat() ? (long) d.getDouble(0) : d.getLong(0);
        if (depth < 1) throw new OpError("depth must be positive, got " + depth);
        return depth;
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        OnnxOperands.requireEvaluable(out);
        int axis = OnnxOperands.normalizeAxis(ctx.intAttr("axis"), out.rank(), "axis");
        return List.of(Gathering.oneHot(ctx.constantOperand(0).orElseThrow(), depth(ctx.constantOperand(1).orElseThrow()), axis,
                ctx.constantOperand(2).orElseThrow(), out));
    }
}
