package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.ConcatOp;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.Map;

/**
 * {@code onnx.Concat(x...) {axis} → ov.Concat(x...) {axis}}, the axis normalized to count from the front.
 *
 * <p>Restrictions: none.
 */
final class ConcatLowering extends OnnxLowering {
    ConcatLowering() {
        super(OnnxOp.CONCAT);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        int rank = op.result().tensorType().rank();
        int axis = Operands.normalizeAxis(attributes(op).intAttr("axis"), rank, "axis");
        ov.replace(ov.createOp(ConcatOp.KIND, Map.of("axis", IntegerAttr.i64(axis)), op.operandValues()).result());
    }
}
