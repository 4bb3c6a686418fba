package dev.xamba.opt.legalize;

import dev.xamba.opt.rewrite.OvBuilder;
import dev.xamba.ir.Operation;

/**
 * {@code onnx.Identity(x) → x}: users read the operand directly; no op is needed.
 *
 * <p>Restrictions: none.
 */
final class IdentityLowering extends OnnxLowering {
    IdentityLowering() {
        super("onnx.Identity");
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        ov.replace(op.operand(0));
    }
}
