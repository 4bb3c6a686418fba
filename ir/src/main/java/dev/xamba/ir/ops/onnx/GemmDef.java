package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.attr.FloatAttr;
import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.eval.Kernels;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Elementwise;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/**
 * {@code onnx.Gemm(a, b[, c]) {alpha, beta, transA, transB}}: {@code alpha * a' * b' + beta * c} on matrices,
 * where ' transposes when the flag is set and c broadcasts to the [M, N] result.
 */
final class GemmDef extends OpDefinition {
    GemmDef() {
        super("onnx.Gemm", "general matrix multiply-add", 2, 3, List.of(
                AttrSpec.optional("alpha", AttrSpec.Kind.FLOAT, new FloatAttr(1.0, ElementType.F32)),
                AttrSpec.optional("beta", AttrSpec.Kind.FLOAT, new FloatAttr(1.0, ElementType.F32)),
                AttrSpec.optional("transA", AttrSpec.Kind.INT, IntegerAttr.i64(0)),
                AttrSpec.optional("transB", AttrSpec.Kind.INT, IntegerAttr.i64(0))), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        OnnxOperands.requireNumeric(ctx, 0);
        OnnxOperands.requireSameElementType(ctx, 0, 1);
        TensorType a = ctx.operandType(0);
        TensorType b = ctx.operandType(1);
        if (a.rank() != 2 || b.rank() != 2) throw new OpError("operands must be matrices, got " + a + " and " + b);
        boolean ta = ctx.intAttr("transA") != 0;
        boolean tb = ctx.intAttr("transB") != 0;
        long ka = a.dim(ta ? 0 : 1);
        long kb = b.dim(tb ? 1 : 0);
        if (ka != TensorType.DYNAMIC && kb != TensorType.DYNAMIC && ka != kb) {
            throw new OpError("cannot multiply " + a + " by " + b + " (transA = " + (ta ? 1 : 0) + ", transB = " + (tb ? 1 : 0)
                    + "): inner dims " + ka + " and " + kb + " differ");
        }
        long[] out = {a.dim(ta ? 1 : 0), b.dim(tb ? 0 : 1)};
        if (ctx.numOperands() == 3) {
            OnnxOperands.requireSameElementType(ctx, 0, 2);
            long[] joint = Shapes.broadcast(out, ctx.operandType(2).shape());
            for (int d = 0; d < joint.length; d++) {
                if (joint.length != 2 || (out[d] != TensorType.DYNAMIC && joint[d] != out[d])) {
                    throw new OpError("c " + ctx.operandType(2) + " does not broadcast to the result [" + Shapes.format(out) + "]");
                }
            }
            for (int d = 0; d < 2; d++) if (out[d] == TensorType.DYNAMIC) out[d] = joint[d];
        }
        return List.of(TensorType.of(a.elementType(), out));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        double alpha = ctx.floatAttr("alpha");
        double beta = ctx.floatAttr("beta");
        Tensor product = Kernels.matmul(ctx.constantOperand(0).orElseThrow(), ctx.constantOperand(1).orElseThrow(),
                ctx.intAttr("transA") != 0, ctx.intAttr("transB") != 0, out);
        if (alpha != 1.0) product = Elementwise.map(product, out, v -> alpha * v, v -> (long) (alpha * v));
        if (ctx.numOperands() < 3 || beta == 0.0) return List.of(product);
        Tensor c = ctx.constantOperand(2).orElseThrow();
        return List.of(Elementwise.zip(product, c, out, (p, v) -> p + beta * v, (p, v) -> p + (long) (beta * v)));
    }
}
