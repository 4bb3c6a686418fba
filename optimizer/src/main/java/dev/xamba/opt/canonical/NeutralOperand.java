package dev.xamba.opt.canonical;

import dev.xamba.ir.Value;
import dev.xamba.ir.ops.ov.view.BinaryOp;
import dev.xamba.ir.ops.ov.view.ConstantOp;
import dev.xamba.ir.type.TensorType;
import java.util.Optional;

/** Finding the operand of a binary op that a splat constant leaves unchanged ({@code x · 1}, {@code x + 0}). */
final class NeutralOperand {
    private NeutralOperand() {}

    /**
     * The operand {@code x} of {@code op(x, c)} or {@code op(c, x)} where {@code c} is a splat constant equal to
     * {@code neutral} that cannot broadcast x: the result has x's type, and each of c's dims (aligned to the right)
     * is 1 or equal to a static dim of x. The type test alone let {@code tensor<?xf32> · dense<1> : tensor<4xf32>}
     * go, whose result has 4 elements when x has 1 (a result type declared less specific than the inferred one).
     */
    static Optional<Value> of(BinaryOp op, double neutral) {
        // The type tests first: reading a constant may decode a whole weight.
        if (leavesAlone(op.lhs(), op.rhs(), op) && isSplat(op.rhs(), neutral)) return Optional.of(op.lhs());
        if (leavesAlone(op.rhs(), op.lhs(), op) && isSplat(op.lhs(), neutral)) return Optional.of(op.rhs());
        return Optional.empty();
    }

    private static boolean leavesAlone(Value x, Value c, BinaryOp op) {
        if (!x.type().equals(op.resultType())) return false;
        TensorType xt = x.tensorType();
        TensorType ct = c.tensorType();
        if (ct.rank() > xt.rank()) return false;
        for (int i = 1; i <= ct.rank(); i++) {
            long cd = ct.dim(ct.rank() - i);
            long xd = xt.dim(xt.rank() - i);
            if (cd != 1 && (cd == TensorType.DYNAMIC || cd != xd)) return false;
        }
        return true;
    }

    private static boolean isSplat(Value v, double neutral) {
        return ConstantOp.KIND.definingOp(v).map(c -> c.isSplatOf(neutral)).orElse(false);
    }
}
