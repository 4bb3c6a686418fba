package dev.xamba.opt.legalize;

import dev.xamba.opt.rewrite.OvBuilder;
import dev.xamba.ir.Operation;

/**
 * {@code onnx.Constant {value} → ov.Constant {value}} with the very same attribute: a {@code dense_resource}
 * stays a reference to the same bytes (weights are never copied).
 *
 * <p>Restrictions: none.
 */
final class ConstantLowering extends OnnxLowering {
    ConstantLowering() {
        super("onnx.Constant");
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        ov.replace(ov.constant(op.attr("value")));
    }
}
