package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.ReshapeOp;
import dev.xamba.opt.rewrite.OvBuilder;

/**
 * {@code onnx.Unsqueeze(x, axes) → ov.Unsqueeze(x, axes)}; both count the axes in the result's rank.
 *
 * <p>Restrictions: axes is a constant (OpenVINO infers Unsqueeze's output rank from its value).
 */
final class UnsqueezeLowering extends OnnxLowering {
    UnsqueezeLowering() {
        super(OnnxOp.UNSQUEEZE);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        Operands.constantInts(op, 1, "axes");
        ov.replace(ov.create(ReshapeOp.UNSQUEEZE, op.operand(0), op.operand(1)));
    }
}
