package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Kernels;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ov.MatMul(a, b) {transpose_a, transpose_b}}: OpenVINO MatMul-1. Rank-1 operands are promoted
 * (a to [1,K], b to [K,1]) and the added dim removed from the result; batch dims broadcast.
 */
final class MatMulDef extends OvOpDefinition {
    MatMulDef() {
        super("MatMul", "opset1", "batched matrix product", 2, 2,
                List.of(AttrSpec.flag("transpose_a"), AttrSpec.flag("transpose_b")), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        Shapes.requireSameElementType(ctx, 0, 1);
        return List.of(infer(ctx).resultType);
    }

    /** The shapes of the computation after rank-1 promotion, and the result type. */
    private record Plan(long[] a, long[] b, TensorType product, TensorType resultType) {}

    private Plan infer(OpContext ctx) {
        TensorType ta = ctx.operandType(0);
        TensorType tb = ctx.operandType(1);
        if (ta.rank() == 0 || tb.rank() == 0) throw new OpError("operands must have rank >= 1");
        boolean transA = ctx.boolAttr("transpose_a") && ta.rank() > 1;
        boolean transB = ctx.boolAttr("transpose_b") && tb.rank() > 1;
        long[] a = ta.rank() == 1 ? new long[] {1, ta.dim(0)} : ta.shape();
        long[] b = tb.rank() == 1 ? new long[] {tb.dim(0), 1} : tb.shape();
        long m = transA ? a[a.length - 1] : a[a.length - 2];
        long ka = transA ? a[a.length - 2] : a[a.length - 1];
        long kb = transB ? b[b.length - 1] : b[b.length - 2];
        long n = transB ? b[b.length - 2] : b[b.length - 1];
        if (ka != TensorType.DYNAMIC && kb != TensorType.DYNAMIC && ka != kb) {
            throw new OpError("incompatible matrix dimensions: " + ta + " and " + tb + " contract " + ka + " with " + kb);
        }
        long[] batch = Shapes.broadcast(Arrays.copyOf(a, a.length - 2), Arrays.copyOf(b, b.length - 2));
        long[] product = Arrays.copyOf(batch, batch.length + 2);
        product[batch.length] = m;
        product[batch.length + 1] = n;
        // Drop the dims that rank-1 promotion added: N (last) for b, then M for a.
        List<Long> result = new java.util.ArrayList<>();
        for (long d : product) result.add(d);
        if (tb.rank() == 1) result.remove(result.size() - 1);
        if (ta.rank() == 1) result.remove(batch.length);
        long[] resultShape = result.stream().mapToLong(Long::longValue).toArray();
        return new Plan(a, b, TensorType.of(ta.elementType(), product), TensorType.of(ta.elementType(), resultShape));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        Plan p = infer(ctx);
        Tensor a = ctx.constantOperand(0).orElseThrow().reshape(TensorType.of(ctx.operandType(0).elementType(), p.a));
        Tensor b = ctx.constantOperand(1).orElseThrow().reshape(TensorType.of(ctx.operandType(1).elementType(), p.b));
        boolean transA = ctx.boolAttr("transpose_a") && ctx.operandType(0).rank() > 1;
        boolean transB = ctx.boolAttr("transpose_b") && ctx.operandType(1).rank() > 1;
        return List.of(Kernels.matmul(a, b, transA, transB, p.product).reshape(p.resultType));
    }
}
