package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;

/** {@code ov.Select(condition, then, else)}: elementwise choice with NumPy broadcasting. */
public final class SelectOp extends OpView {
    public static final OpViewKind<SelectOp> KIND = OpViewKind.of(SelectOp::new, "ov.Select");

    private SelectOp(Operation op) { super(op); }

    public Value condition() { return operand(0); }

    public Value thenValue() { return operand(1); }

    public Value elseValue() { return operand(2); }
}
