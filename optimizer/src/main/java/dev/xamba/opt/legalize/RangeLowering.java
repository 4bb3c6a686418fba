package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.OvElementTypes;
import dev.xamba.ir.ops.ov.view.RangeOp;
import dev.xamba.ir.ops.ov.view.ReshapeOp;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.Map;
import java.util.Optional;

/**
 * {@code onnx.Range(start, limit, delta) → ov.Range(start, limit, delta) {output_type}} (Range-4) with the operands'
 * element type as output type; both have {@code max(ceil((limit - start) / delta), 0)} elements
 * {@code start + i * delta}. One-element vector operands become 0-D (constants directly, others through Squeeze),
 * as OpenVINO takes scalars only.
 *
 * <p>Restrictions: none.
 */
final class RangeLowering extends OnnxLowering {
    RangeLowering() {
        super(OnnxOp.RANGE);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        Value[] scalars = new Value[3];
        for (int i = 0; i < 3; i++) scalars[i] = scalar(ov, op, i);
        String type = OvElementTypes.irName(op.result().tensorType().elementType());
        ov.replace(ov.create(RangeOp.KIND, Map.of("output_type", new StringAttr(type)), scalars));
    }

    private static Value scalar(OvBuilder ov, Operation op, int i) {
        Value v = op.operand(i);
        if (Operands.type(v).rank() == 0) return v;
        Optional<Tensor> c = Operands.constant(op, i);
        if (c.isPresent()) return ov.constant(c.get().reshape(TensorType.scalar(c.get().elementType())));
        return ov.create(ReshapeOp.SQUEEZE, v);
    }
}
