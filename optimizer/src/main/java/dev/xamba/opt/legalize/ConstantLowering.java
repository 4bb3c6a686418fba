package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.opt.rewrite.OvBuilder;

/**
 * {@code onnx.Constant {value} → ov.Constant {value}} with the very same attribute: a {@code dense_resource}
 * stays a reference to the same bytes (weights are never copied).
 *
 * <p>Restrictions: none.
 */
final class ConstantLowering extends OnnxLowering {
    ConstantLowering() {
        super(OnnxOp.CONSTANT);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        ov.replace(ov.constant(op.attr("value")));
    }
}
