package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.GatherOp;
import dev.xamba.opt.rewrite.OvBuilder;

/**
 * {@code onnx.Gather(data, indices) {axis} → ov.Gather(data, indices, axis)} (Gather-8, batch_dims 0) with the axis
 * as a 0-D i64 constant; both take negative indices from the end.
 *
 * <p>Restrictions: none.
 */
final class GatherLowering extends OnnxLowering {
    GatherLowering() {
        super(OnnxOp.GATHER);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        int rank = Operands.type(op.operand(0)).rank();
        int axis = Operands.normalizeAxis(attributes(op).intAttr("axis"), rank, "axis");
        ov.replace(ov.create(GatherOp.KIND, op.operand(0), op.operand(1), ov.i64Scalar(axis)));
    }
}
