package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.eval.Kernels;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;

/**
 * {@code onnx.Transpose(data) {perm}}: result dim i is input dim {@code perm[i]}; absent perm reverses the dims.
 * Negative entries count from the rank: exporters emit them (e.g. [0, -2, -1, 1]) though ONNX Runtime refuses.
 */
final class TransposeDef extends OpDefinition {
    TransposeDef() {
        super("onnx.Transpose", "permutes the dims", 1, 1, List.of(AttrSpec.optional("perm", AttrSpec.Kind.ARRAY, null)),
                Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        TensorType x = ctx.operandType(0);
        int[] perm = permutation(ctx);
        long[] out = new long[perm.length];
        for (int i = 0; i < perm.length; i++) out[i] = x.dim(perm[i]);
        return List.of(TensorType.of(x.elementType(), out));
    }

    /** The normalized permutation. */
    static int[] permutation(OpContext ctx) {
        int rank = ctx.operandType(0).rank();
        long[] p = OnnxOperands.optionalInts(ctx, "perm");
        int[] perm = new int[rank];
        if (p == null) {
            for (int i = 0; i < rank; i++) perm[i] = rank - 1 - i;
            return perm;
        }
        if (p.length != rank) throw new OpError("perm " + Arrays.toString(p) + " has " + p.length + " entries for rank " + rank);
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            int a = OnnxOperands.normalizeAxis(p[i], rank, "perm entry");
            if (seen[a]) throw new OpError("perm " + Arrays.toString(p) + " is not a permutation: axis " + a + " appears twice");
            seen[a] = true;
            perm[i] = a;
        }
        return perm;
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        return List.of(Kernels.transpose(ctx.constantOperand(0).orElseThrow(), permutation(ctx), inferResultTypes(ctx).get(0)));
    }
}
