package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.Constants;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.BroadcastOp;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.rewrite.OvBuilder;

/**
 * {@code onnx.ConstantOfShape(shape) {value} → ov.Broadcast(ov.Constant value (0-D), shape)} in numpy mode, as
 * OpenVINO's own importer does; with a constant shape, canonicalization folds it into one constant (bounded by its
 * max-fold-elements, so a huge splat is not materialized).
 *
 * <p>Restrictions: none.
 */
final class ConstantOfShapeLowering extends OnnxLowering {
    ConstantOfShapeLowering() {
        super(OnnxOp.CONSTANT_OF_SHAPE);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        Tensor value = Constants.valueOf(attributes(op).attr("value"))
                .orElseThrow(() -> new LegalizationFailure("attribute 'value' has no data"));
        Tensor scalar = value.reshape(TensorType.scalar(value.elementType()));
        ov.replace(ov.create(BroadcastOp.KIND, ov.constant(scalar), op.operand(0)));
    }
}
