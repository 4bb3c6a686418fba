package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;

/**
 * The shape-only family: {@code ov.Reshape(x, shape) {special_zero}}, {@code ov.Squeeze(x[, axes])},
 * {@code ov.Unsqueeze(x, axes)}. All keep the elements in order and change only the shape.
 */
public final class ReshapeOp extends OpView {
    public static final OpViewKind<ReshapeOp> RESHAPE = OpViewKind.of(ReshapeOp::new, "ov.Reshape");
    public static final OpViewKind<ReshapeOp> SQUEEZE = OpViewKind.of(ReshapeOp::new, "ov.Squeeze");
    public static final OpViewKind<ReshapeOp> UNSQUEEZE = OpViewKind.of(ReshapeOp::new, "ov.Unsqueeze");
    public static final OpViewKind<ReshapeOp> ANY = RESHAPE.or(SQUEEZE).or(UNSQUEEZE);

    private ReshapeOp(Operation op) { super(op); }

    public Value input() { return operand(0); }

    /** Whether input and result shapes are both static, so the op is fully described by its result type. */
    public boolean isStatic() { return input().tensorType().hasStaticShape() && resultType().hasStaticShape(); }

    /** {@code special_zero} of a Reshape (false for Squeeze/Unsqueeze). */
    public boolean specialZero() { return RESHAPE.matches(op()) && boolAttr("special_zero"); }
}
