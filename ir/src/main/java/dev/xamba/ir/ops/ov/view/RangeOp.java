package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;

/** {@code ov.Range(start, stop, step) {output_type}} over 0-D operands. */
public final class RangeOp extends OpView {
    public static final OpViewKind<RangeOp> KIND = OpViewKind.of(RangeOp::new, "ov.Range");

    private RangeOp(Operation op) { super(op); }

    public Value start() { return operand(0); }

    public Value stop() { return operand(1); }

    public Value step() { return operand(2); }
}
