package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;
import java.util.List;

/** {@code ov.Concat(x...) {axis}}. */
public final class ConcatOp extends OpView {
    public static final OpViewKind<ConcatOp> KIND = OpViewKind.of(ConcatOp::new, "ov.Concat");

    private ConcatOp(Operation op) { super(op); }

    public List<Value> inputs() { return op().operandValues(); }

    /** The axis normalized to {@code [0, rank)}. */
    public int axis() {
        long a = intAttr("axis");
        return (int) (a < 0 ? a + resultType().rank() : a);
    }
}
