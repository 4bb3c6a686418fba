package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.OvElementTypes;
import dev.xamba.ir.ops.ov.view.BinaryOp;
import dev.xamba.ir.ops.ov.view.CompareOp;
import dev.xamba.ir.ops.ov.view.RangeOp;
import dev.xamba.ir.ops.ov.view.ReshapeOp;
import dev.xamba.ir.ops.ov.view.SelectOp;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.Map;
import java.util.Optional;

/**
 * {@code onnx.Range(start, limit, delta) → ov.Range(start, limit', delta) {output_type}} (Range-4) with the operands'
 * element type as output type. ONNX gives {@code max(ceil((limit - start) / delta), 0)} elements
 * {@code start + i * delta}; OpenVINO's CPU plugin counts {@code ceil(|limit - start| / |delta|)}, ignoring the sign,
 * so a range that should be empty ({@code Range(10, 3, 1)}) gets elements there. When any operand is not a constant,
 * the limit is therefore clamped to the side of start that delta walks towards,
 * {@code limit' = delta > 0 ? max(limit, start) : min(limit, start)}, which leaves a non-empty range unchanged and
 * makes an empty one {@code start..start}. Three constants need no clamp: the op is then folded (by xamba's
 * canonicalization, or by OpenVINO when the model is read), and both count as ONNX does. One-element vector
 * operands become 0-D (constants directly, others through Squeeze), as OpenVINO takes scalars only.
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
        boolean allConstant = Operands.constant(op, 0).isPresent() && Operands.constant(op, 1).isPresent()
                && Operands.constant(op, 2).isPresent();
        if (!allConstant) {
            // The CPU plugin's Range ignores the signs when counting elements (see above); a limit on the wrong side
            // of start is moved onto start, so that the count |limit' - start| / |delta| is 0 where ONNX's is.
            Value zero = ov.scalar(Operands.type(scalars[2]).elementType(), 0);
            Value ascending = ov.create(CompareOp.GREATER, scalars[2], zero);
            scalars[1] = ov.create(SelectOp.KIND, ascending, ov.create(BinaryOp.MAXIMUM, scalars[1], scalars[0]),
                    ov.create(BinaryOp.MINIMUM, scalars[1], scalars[0]));
        }
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
