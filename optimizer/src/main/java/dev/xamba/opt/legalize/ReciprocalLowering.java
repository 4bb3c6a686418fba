package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.BinaryOp;
import dev.xamba.opt.rewrite.OvBuilder;

/**
 * {@code onnx.Reciprocal(x) → ov.Divide(1, x)} with a scalar 1 of x's element type: one correctly rounded
 * division, as ONNX computes it ({@code Power(x, -1)} would go through pow).
 *
 * <p>Restrictions: none (Reciprocal takes floats only).
 */
final class ReciprocalLowering extends OnnxLowering {
    ReciprocalLowering() {
        super(OnnxOp.RECIPROCAL);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        Value x = op.operand(0);
        Value one = ov.scalar(Operands.type(x).elementType(), 1.0);
        ov.replace(ov.create(BinaryOp.DIVIDE, one, x));
    }
}
