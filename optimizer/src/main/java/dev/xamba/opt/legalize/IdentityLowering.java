package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.opt.rewrite.OvBuilder;

/**
 * {@code onnx.Identity(x) → x}: users read the operand directly; no op is needed.
 *
 * <p>Restrictions: none.
 */
final class IdentityLowering extends OnnxLowering {
    IdentityLowering() {
        super(OnnxOp.IDENTITY);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        ov.replace(op.operand(0));
    }
}
