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
 * {@code onnx.Gather(data, indices) {axis}}: picks slices of {@code data} along {@code axis}; the result shape is
 * {@code data[:axis] + indices + data[axis+1:]}. Negative indices count from the end.
 */
final class GatherDef extends OpDefinition {
    GatherDef() {
        super("onnx.Gather", "picks slices along an axis by index", 2, 2,
                List.of(AttrSpec.optional("axis", AttrSpec.Kind.INT, IntegerAttr.i64(0))), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        TensorType data = ctx.operandType(0);
        TensorType indices = ctx.operandType(1);
        if (!indices.elementType().isInteger()) throw new OpError("indices (operand #1) must be integers, got " + indices);
        if (data.rank() == 0) throw new OpError("data must have rank >= 1");
        int axis = OnnxOperands.normalizeAxis(ctx.intAttr("axis"), data.rank(), "axis");
        long size = data.dim(axis);
        var values = ctx.constantOperand(1);
        if (values.isPresent() && size != TensorType.DYNAMIC) {
            for (int i = 0; i < values.get().size(); i++) {
                long idx = values.get().getLong(i);
                if (idx < -size || idx >= size) {
                    throw new OpError("index " + idx + " is out of range for axis " + axis + " of size " + size);
                }
            }
        }
        long[] out = new long[data.rank() - 1 + indices.rank()];
        int j = 0;
        for (int d = 0; d < axis; d++) out[j++] = data.dim(d);
        for (int d = 0; d < indices.rank(); d++) out[j++] = indices.dim(d);
        for (int d = axis + 1; d < data.rank(); d++) out[j++] = data.dim(d);
        return List.of(TensorType.of(data.elementType(), out));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        int axis = OnnxOperands.normalizeAxis(ctx.intAttr("axis"), ctx.operandType(0).rank(), "axis");
        return List.of(Gathering.gather(ctx.constantOperand(0).orElseThrow(), ctx.constantOperand(1).orElseThrow(), axis, out));
    }
}
