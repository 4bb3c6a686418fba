package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Elementwise;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/**
 * {@code onnx.Clip(x[, min[, max]])}: limits x to [min, max] (as {@code min(max(x, min), max)}, so max wins when
 * min > max; NaN stays NaN). Absent bounds are unbounded; the importer materializes a skipped {@code min}.
 */
final class ClipDef extends OpDefinition {
    ClipDef() {
        super("onnx.Clip", "limits values to a range", 1, 3, List.of(), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        OnnxOperands.requireNumeric(ctx, 0);
        for (int i = 1; i < ctx.numOperands(); i++) {
            OnnxOperands.requireSameElementType(ctx, 0, i);
            OnnxOperands.requireScalarLike(ctx, i, i == 1 ? "min" : "max");
        }
        return List.of(ctx.operandType(0));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        Tensor x = ctx.constantOperand(0).orElseThrow();
        TensorType out = inferResultTypes(ctx).get(0);
        Tensor lo = OnnxOperands.has(ctx, 1) ? OnnxOperands.single(ctx.constantOperand(1).orElseThrow(), "min") : null;
        Tensor hi = OnnxOperands.has(ctx, 2) ? OnnxOperands.single(ctx.constantOperand(2).orElseThrow(), "max") : null;
        if (x.isFloat()) {
            double l = lo == null ? Double.NEGATIVE_INFINITY : lo.getDouble(0);
            double h = hi == null ? Double.POSITIVE_INFINITY : hi.getDouble(0);
            return List.of(Elementwise.map(x, out, v -> {
                double m = v < l ? l : v;
                return m > h ? h : m;
            }, v -> v));
        }
        long l = lo == null ? Long.MIN_VALUE : lo.getLong(0);
        long h = hi == null ? Long.MAX_VALUE : hi.getLong(0);
        return List.of(Elementwise.map(x, out, v -> v, v -> Math.min(Math.max(v, l), h)));
    }
}
