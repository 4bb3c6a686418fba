package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.ReshapeOp;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.Map;

/**
 * {@code onnx.Reshape(x, shape) {allowzero} → ov.Reshape(x, shape) {special_zero}}: a 0 in ONNX's shape copies the
 * input dim (special_zero = true) unless {@code allowzero = 1}, where it is a literal 0 (special_zero = false);
 * -1 is inferred on both sides.
 *
 * <p>Restrictions: none.
 */
final class ReshapeLowering extends OnnxLowering {
    ReshapeLowering() {
        super(OnnxOp.RESHAPE);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        boolean copyZeros = attributes(op).intAttr("allowzero") == 0;
        ov.replace(ov.create(ReshapeOp.RESHAPE, Map.of("special_zero", BoolAttr.of(copyZeros)), op.operand(0), op.operand(1)));
    }
}
