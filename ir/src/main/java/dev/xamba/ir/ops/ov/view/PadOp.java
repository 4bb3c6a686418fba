package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;

/** {@code ov.Pad(x, pads_begin, pads_end[, pad_value]) {pad_mode}}. */
public final class PadOp extends OpView {
    public static final OpViewKind<PadOp> KIND = OpViewKind.of(PadOp::new, "ov.Pad");

    private PadOp(Operation op) { super(op); }

    public Value input() { return operand(0); }

    /** {@code constant}, {@code edge}, {@code reflect} or {@code symmetric}. */
    public String padMode() { return stringAttr("pad_mode"); }
}
