package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;

/** {@code ov.Clamp(x) {min, max}}. */
public final class ClampOp extends OpView {
    public static final OpViewKind<ClampOp> KIND = OpViewKind.of(ClampOp::new, "ov.Clamp");

    private ClampOp(Operation op) { super(op); }

    public Value input() { return operand(0); }

    public double min() { return floatAttr("min"); }

    public double max() { return floatAttr("max"); }
}
