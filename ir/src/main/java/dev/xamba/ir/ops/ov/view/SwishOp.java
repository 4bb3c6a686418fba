package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;
import java.util.OptionalDouble;

/** {@code ov.Swish(x[, beta])} = x · sigmoid(beta · x); beta defaults to 1 (SiLU). */
public final class SwishOp extends OpView {
    public static final OpViewKind<SwishOp> KIND = OpViewKind.of(SwishOp::new, "ov.Swish");

    private SwishOp(Operation op) { super(op); }

    public Value input() { return operand(0); }

    /** Beta when it is absent (1) or a constant scalar; empty when it is computed. */
    public OptionalDouble beta() {
        if (!hasOperand(1)) return OptionalDouble.of(1.0);
        return constantOperand(1).filter(t -> t.size() == 1).map(t -> OptionalDouble.of(t.getDouble(0)))
                .orElse(OptionalDouble.empty());
    }
}
