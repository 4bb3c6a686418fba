package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Kernels;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code ov.Transpose(x, order)}: output dim i is input dim {@code order[i]}; an empty order reverses the dims. */
final class TransposeDef extends OvOpDefinition {
    TransposeDef() {
        super("Transpose", "opset1", "permutes the dimensions", 2, 2, List.of(), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        Shapes.requireIntegerVectorOrScalar(ctx, 1, "order");
        TensorType x = ctx.operandType(0);
        Optional<int[]> perm = permutation(ctx);
        if (perm.isEmpty()) {
            long[] dyn = new long[x.rank()];
            Arrays.fill(dyn, TensorType.DYNAMIC);
            return List.of(TensorType.of(x.elementType(), dyn));
        }
        long[] out = new long[x.rank()];
        for (int i = 0; i < out.length; i++) out[i] = x.dim(perm.get()[i]);
        return List.of(TensorType.of(x.elementType(), out));
    }

    private static Optional<int[]> permutation(OpContext ctx) {
        Optional<Tensor> order = ctx.constantOperand(1);
        if (order.isEmpty()) return Optional.empty();
        int rank = ctx.operandType(0).rank();
        long[] o = order.get().toLongs();
        int[] perm = new int[rank];
        if (o.length == 0) {
            for (int i = 0; i < rank; i++) perm[i] = rank - 1 - i;
            return Optional.of(perm);
        }
        if (o.length != rank) throw new OpError("order has " + o.length + " entries for rank " + rank);
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            int a = Shapes.normalizeAxis(o[i], rank, "order entry");
            if (seen[a]) throw new OpError("order " + Arrays.toString(o) + " is not a permutation");
            seen[a] = true;
            perm[i] = a;
        }
        return Optional.of(perm);
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        return List.of(Kernels.transpose(ctx.constantOperand(0).orElseThrow(), permutation(ctx).orElseThrow(),
                inferResultTypes(ctx).get(0)));
    }
}
