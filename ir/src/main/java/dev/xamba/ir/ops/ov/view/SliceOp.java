package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;

/** {@code ov.Slice(x, start, stop, step[, axes])} and {@code ov.StridedSlice(x, begin, end[, strides]) {masks}}. */
public final class SliceOp extends OpView {
    public static final OpViewKind<SliceOp> SLICE = OpViewKind.of(SliceOp::new, "ov.Slice");
    public static final OpViewKind<SliceOp> STRIDED = OpViewKind.of(SliceOp::new, "ov.StridedSlice");
    public static final OpViewKind<SliceOp> ANY = SLICE.or(STRIDED);

    private SliceOp(Operation op) { super(op); }

    public Value input() { return operand(0); }
}
