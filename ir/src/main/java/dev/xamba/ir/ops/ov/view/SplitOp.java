package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;

/** {@code ov.Split(x, axis) {num_splits}} and {@code ov.VariadicSplit(x, axis, split_lengths)}: several results. */
public final class SplitOp extends OpView {
    public static final OpViewKind<SplitOp> EVEN = OpViewKind.of(SplitOp::new, "ov.Split");
    public static final OpViewKind<SplitOp> VARIADIC = OpViewKind.of(SplitOp::new, "ov.VariadicSplit");
    public static final OpViewKind<SplitOp> ANY = EVEN.or(VARIADIC);

    private SplitOp(Operation op) { super(op); }

    public Value input() { return operand(0); }

    public Value axisValue() { return operand(1); }
}
