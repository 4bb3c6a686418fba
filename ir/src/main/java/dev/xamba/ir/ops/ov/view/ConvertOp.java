package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;

/** {@code ov.Convert(x) {destination_type}}. */
public final class ConvertOp extends OpView {
    public static final OpViewKind<ConvertOp> KIND = OpViewKind.of(ConvertOp::new, "ov.Convert");

    private ConvertOp(Operation op) { super(op); }

    public Value input() { return operand(0); }

    /** OpenVINO's spelling of the target element type ({@code f32}, {@code i64}, ...). */
    public String destinationType() { return stringAttr("destination_type"); }

    /** Whether input and result types are the same (the conversion does nothing). */
    public boolean isNoOp() { return input().type().equals(result().type()); }
}
