package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.ReshapeOp;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.Map;

/**
 * {@code onnx.Flatten(x) {axis} → ov.Reshape(x, [outer, inner]) {special_zero = false}}, the two dims taken from
 * the result type.
 *
 * <p>Restrictions: the result shape is static.
 */
final class FlattenLowering extends OnnxLowering {
    FlattenLowering() {
        super(OnnxOp.FLATTEN);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        long[] shape = Operands.staticShape(op.result(), "the result");
        ov.replace(ov.create(ReshapeOp.RESHAPE, Map.of("special_zero", BoolAttr.FALSE), op.operand(0), ov.i64Vector(shape)));
    }
}
