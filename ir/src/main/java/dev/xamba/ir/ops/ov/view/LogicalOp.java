package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;
import java.util.List;

/** Boolean logic: {@code ov.LogicalNot(x)} and {@code ov.LogicalAnd/Or/Xor(lhs, rhs)}. */
public final class LogicalOp extends OpView {
    public static final OpViewKind<LogicalOp> NOT = OpViewKind.of(LogicalOp::new, "ov.LogicalNot");
    public static final OpViewKind<LogicalOp> AND = OpViewKind.of(LogicalOp::new, "ov.LogicalAnd");
    public static final OpViewKind<LogicalOp> OR = OpViewKind.of(LogicalOp::new, "ov.LogicalOr");
    public static final OpViewKind<LogicalOp> XOR = OpViewKind.of(LogicalOp::new, "ov.LogicalXor");
    public static final OpViewKind<LogicalOp> ANY = NOT.or(AND).or(OR).or(XOR);

    private LogicalOp(Operation op) { super(op); }

    /** One operand for LogicalNot, two for the others. */
    public List<Value> inputs() { return op().operandValues(); }
}
