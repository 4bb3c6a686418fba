package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;

/** {@code ov.OneHot(indices, depth, on_value, off_value) {axis}}. */
public final class OneHotOp extends OpView {
    public static final OpViewKind<OneHotOp> KIND = OpViewKind.of(OneHotOp::new, "ov.OneHot");

    private OneHotOp(Operation op) { super(op); }

    public Value indices() { return operand(0); }

    public long axis() { return intAttr("axis"); }
}
