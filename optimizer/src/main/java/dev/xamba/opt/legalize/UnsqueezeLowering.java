package dev.xamba.opt.legalize;

import dev.xamba.opt.rewrite.OvBuilder;
import dev.xamba.ir.Operation;

/**
 * {@code onnx.Unsqueeze(x, axes) → ov.Unsqueeze(x, axes)}; both count the axes in the result's rank.
 *
 * <p>Restrictions: axes is a constant (OpenVINO infers Unsqueeze's output rank from its value).
 */
final class UnsqueezeLowering extends OnnxLowering {
    UnsqueezeLowering() {
        super("onnx.Unsqueeze");
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        Operands.constantInts(op, 1, "axes");
        ov.replace(ov.create("ov.Unsqueeze", op.operand(0), op.operand(1)));
    }
}
