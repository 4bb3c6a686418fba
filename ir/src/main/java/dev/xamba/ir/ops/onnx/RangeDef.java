package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Elementwise;
import dev.xamba.ir.ops.ElementCounts;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/**
 * {@code onnx.Range(start, limit, delta)}: the scalars {@code start + i * delta} for
 * {@code i < max(ceil((limit - start) / delta), 0)}, of the operands' common element type.
 */
final class RangeDef extends OpDefinition {
    RangeDef() {
        super("onnx.Range", "an arithmetic sequence", 3, 3, List.of(), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        String[] names = {"start", "limit", "delta"};
        for (int i = 0; i < 3; i++) {
            OnnxOperands.requireNumeric(ctx, i);
            OnnxOperands.requireSameElementType(ctx, 0, i);
            OnnxOperands.requireScalarLike(ctx, i, names[i]);
        }
        long count = TensorType.DYNAMIC;
        if (ctx.constantOperand(0).isPresent() && ctx.constantOperand(1).isPresent() && ctx.constantOperand(2).isPresent()) {
            count = count(ctx);
        }
        return List.of(TensorType.of(ctx.operandType(0).elementType(), count));
    }

    private static long count(OpContext ctx) {
        Tensor start = OnnxOperands.single(ctx.constantOperand(0).orElseThrow(), "start");
        Tensor limit = OnnxOperands.single(ctx.constantOperand(1).orElseThrow(), "limit");
        Tensor delta = OnnxOperands.single(ctx.constantOperand(2).orElseThrow(), "delta");
        if (!start.isFloat()) {
            if (delta.getLong(0) == 0) throw new OpError("delta must not be 0");
            return ElementCounts.rangeLength(start.getLong(0), limit.getLong(0), delta.getLong(0));
        }
        if (delta.getDouble(0) == 0 || !Double.isFinite(delta.getDouble(0))) throw new OpError("delta must be finite and non-zero");
        double n = Math.ceil((limit.getDouble(0) - start.getDouble(0)) / delta.getDouble(0));
        if (Double.isNaN(n) || n > Integer.MAX_VALUE) throw new OpError("range of " + n + " elements is too large");
        return (long) Math.max(n, 0);
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        int n = (int) out.dim(0);
        Tensor start = ctx.constantOperand(0).orElseThrow();
        Tensor delta = ctx.constantOperand(2).orElseThrow();
        if (start.isFloat()) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) r[i] = start.getDouble(0) + i * delta.getDouble(0);
            return List.of(Elementwise.store(out, r));
        }
        long[] r = new long[n];
        for (int i = 0; i < n; i++) r[i] = start.getLong(0) + i * delta.getLong(0);
        return List.of(Elementwise.store(out, r));
    }
}
