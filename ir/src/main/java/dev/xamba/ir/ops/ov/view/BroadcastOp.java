package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;
import java.util.Optional;

/** {@code ov.Broadcast(x, target_shape[, axes_mapping]) {mode}}. */
public final class BroadcastOp extends OpView {
    public static final OpViewKind<BroadcastOp> KIND = OpViewKind.of(BroadcastOp::new, "ov.Broadcast");

    private BroadcastOp(Operation op) { super(op); }

    public Value input() { return operand(0); }

    /** {@code numpy} (default), {@code bidirectional} or {@code explicit}. */
    public String mode() { return stringAttr("mode"); }

    /** Whether input and result types are equal and static: the broadcast copies x to its own shape. */
    public boolean isNoOp() {
        return input().tensorType().hasStaticShape() && input().type().equals(result().type());
    }

    /** The target shape when it is a constant. */
    public Optional<long[]> targetShape() { return constantOperand(1).map(t -> t.toLongs()); }
}
