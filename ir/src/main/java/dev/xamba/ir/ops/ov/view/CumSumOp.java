package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;
import java.util.OptionalInt;

/** {@code ov.CumSum(x, axis) {exclusive, reverse}}. */
public final class CumSumOp extends OpView {
    public static final OpViewKind<CumSumOp> KIND = OpViewKind.of(CumSumOp::new, "ov.CumSum");

    private CumSumOp(Operation op) { super(op); }

    public Value input() { return operand(0); }

    public Value axisValue() { return operand(1); }

    /** The axis, normalized to {@code [0, rank)}, when it is a constant. */
    public OptionalInt axis() {
        return constantOperand(1).flatMap(t -> ViewSupport.normalizedAxes(t, input().tensorType().rank()))
                .map(a -> OptionalInt.of(a[0])).orElse(OptionalInt.empty());
    }

    public boolean exclusive() { return boolAttr("exclusive"); }

    public boolean reverse() { return boolAttr("reverse"); }
}
