package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.eval.Kernels;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code onnx.MatMul(a, b)}: NumPy matmul. A rank-1 a is read as [1, K] and a rank-1 b as [K, 1], and the added
 * dim is dropped from the result; leading (batch) dims broadcast.
 */
final class MatMulDef extends OpDefinition {
    MatMulDef() {
        super("onnx.MatMul", "NumPy-style matrix product", 2, 2, List.of(), Trait.PURE);
    }

    /** The operand shapes after rank-1 promotion, the [batch..., M, N] product type and the result type. */
    private record Plan(long[] a, long[] b, TensorType product, TensorType result) {}

    @Override public List<TensorType> inferResultTypes(OpContext ctx) { return List.of(plan(ctx).result); }

    private static Plan plan(OpContext ctx) {
        OnnxOperands.requireNumeric(ctx, 0);
        OnnxOperands.requireSameElementType(ctx, 0, 1);
        TensorType ta = ctx.operandType(0);
        TensorType tb = ctx.operandType(1);
        if (ta.rank() == 0 || tb.rank() == 0) throw new OpError("operands must have rank >= 1, got " + ta + " and " + tb);
        long[] a = ta.rank() == 1 ? new long[] {1, ta.dim(0)} : ta.shape();
        long[] b = tb.rank() == 1 ? new long[] {tb.dim(0), 1} : tb.shape();
        long ka = a[a.length - 1];
        long kb = b[b.length - 2];
        if (ka != TensorType.DYNAMIC && kb != TensorType.DYNAMIC && ka != kb) {
            throw new OpError("cannot multiply " + ta + " by " + tb + ": inner dims " + ka + " and " + kb + " differ");
        }
        long[] batch = Shapes.broadcast(Arrays.copyOf(a, a.length - 2), Arrays.copyOf(b, b.length - 2));
        long[] product = Arrays.copyOf(batch, batch.length + 2);
        product[batch.length] = a[a.length - 2];
        product[batch.length + 1] = b[b.length - 1];
        List<Long> result = new ArrayList<>();
        for (long d : product) result.add(d);
        if (tb.rank() == 1) result.remove(result.size() - 1);
        if (ta.rank() == 1) result.remove(batch.length);
        long[] resultShape = result.stream().mapToLong(Long::longValue).toArray();
        return new Plan(a, b, TensorType.of(ta.elementType(), product), TensorType.of(ta.elementType(), resultShape));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        Plan p = plan(ctx);
        Tensor a = ctx.constantOperand(0).orElseThrow();
        Tensor b = ctx.constantOperand(1).orElseThrow();
        Tensor product = Kernels.matmul(a.reshape(a.type().withShape(p.a)), b.reshape(b.type().withShape(p.b)), false, false, p.product);
        return List.of(product.reshape(p.result));
    }
}
