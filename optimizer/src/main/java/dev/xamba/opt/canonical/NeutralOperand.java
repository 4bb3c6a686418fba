package dev.xamba.opt.canonical;

import dev.xamba.ir.Value;
import dev.xamba.ir.ops.ov.view.BinaryOp;
import dev.xamba.ir.ops.ov.view.ConstantOp;
import java.util.Optional;

/** Finding the operand of a binary op that a splat constant leaves unchanged ({@code x · 1}, {@code x + 0}). */
final class NeutralOperand {
    private NeutralOperand() {}

    /**
     * The operand {@code x} of {@code op(x, c)} or {@code op(c, x)} where {@code c} is a splat constant equal to
     * {@code neutral} and the result has x's type (so the constant does not broadcast x to a larger shape or
     * change its element type); empty otherwise.
     */
    static Optional<Value> of(BinaryOp op, double neutral) {
        // The type test first: reading a constant may decode a whole weight.
        if (op.lhs().type().equals(op.resultType()) && isSplat(op.rhs(), neutral)) return Optional.of(op.lhs());
        if (op.rhs().type().equals(op.resultType()) && isSplat(op.lhs(), neutral)) return Optional.of(op.rhs());
        return Optional.empty();
    }

    private static boolean isSplat(Value v, double neutral) {
        return ConstantOp.KIND.definingOp(v).map(c -> c.isSplatOf(neutral)).orElse(false);
    }
}
