package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;

/** The elementwise arithmetic family {@code ov.Add/Subtract/Multiply/Divide/...(lhs, rhs) {auto_broadcast}}. */
public final class BinaryOp extends OpView {
    public static final OpViewKind<BinaryOp> ADD = OpViewKind.of(BinaryOp::new, "ov.Add");
    public static final OpViewKind<BinaryOp> SUBTRACT = OpViewKind.of(BinaryOp::new, "ov.Subtract");
    public static final OpViewKind<BinaryOp> MULTIPLY = OpViewKind.of(BinaryOp::new, "ov.Multiply");
    public static final OpViewKind<BinaryOp> DIVIDE = OpViewKind.of(BinaryOp::new, "ov.Divide");
    public static final OpViewKind<BinaryOp> POWER = OpViewKind.of(BinaryOp::new, "ov.Power");
    public static final OpViewKind<BinaryOp> MAXIMUM = OpViewKind.of(BinaryOp::new, "ov.Maximum");
    public static final OpViewKind<BinaryOp> MINIMUM = OpViewKind.of(BinaryOp::new, "ov.Minimum");
    public static final OpViewKind<BinaryOp> FLOOR_MOD = OpViewKind.of(BinaryOp::new, "ov.FloorMod");
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
