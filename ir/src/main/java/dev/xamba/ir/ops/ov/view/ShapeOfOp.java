package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;

/** {@code ov.ShapeOf(x)}: the shape of x as a 1-D integer tensor. */
public final class ShapeOfOp extends OpView {
    public static final OpViewKind<ShapeOfOp> KIND = OpViewKind.of(ShapeOfOp::new, "ov.ShapeOf");

    private ShapeOfOp(Operation op) { super(op); }

    public Value input() { return operand(0); }
}
