package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;

/** {@code ov.Gather(data, indices, axis) {batch_dims}}. */
public final class GatherOp extends OpView {
    public static final OpViewKind<GatherOp> KIND = OpViewKind.of(GatherOp::new, "ov.Gather");

    private GatherOp(Operation op) { super(op); }

    public Value data() { return operand(0); }

    public Value indices() { return operand(1); }

    public Value axisValue() { return operand(2); }
}
